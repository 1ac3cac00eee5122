//! The receipt names the sale, the quote, the destination, the history and the payout, and holds
//! the order ID only when ticked.
#![cfg(feature = "vault")]

use cardcoins_api::OrderDetails;
use cardcoins_catalog::Catalog;
use cardcoins_core::{Cents, OrderId, OrderStatus, Sats};
use cardcoins_records::{OrderFacts, PayoutRef, Receipt};
use cardcoins_vault::{OrderRecord, RecordedQuote};
use time::macros::datetime;

const SECRET: &str = "receiptSECRETid42";
const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
const TXID: &str = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
const INVOICE: &str = "lnbc835230n1pjq9x7zpp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpusp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygs9qrsgq";

fn english() -> Catalog {
    Catalog::for_tag("en-US")
}

/// An order as Get Existing Order's `data` gives it.
fn details(data: &str) -> OrderDetails {
    let body = format!(r#"{{"message":"","data":{data}}}"#);
    cardcoins_api::responses::order(200, body.as_bytes(), None).expect("order details")
}

const APPROVED: &str = r#"{"status":"approved","order":{"base_currency_amount":5500,
    "currency_price_usd":6585000,"currency_amount":83523,"created_at":"2026-12-07T19:40:00Z"},
    "payout":{"txid":"4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"}}"#;

/// What the app kept of a $55 sale, through one rejection.
fn record() -> OrderRecord {
    let made = datetime!(2026-12-07 19:40 UTC);
    let mut record = OrderRecord::new("h".into(), Cents::new(5500), made);
    record.quote = Some(RecordedQuote {
        sats: Sats::new(83_523),
        price: Cents::new(6_585_000),
        at: made,
    });
    record.note_destination(ADDRESS, false, true, made);
    record.note_phone("+16502530042");
    record.note_status(OrderStatus::Created, made, None);
    record.note_status(
        OrderStatus::Processing,
        datetime!(2026-12-07 19:45 UTC),
        None,
    );
    // A message still holding the ID: the receipt scrubs it whatever the record promised.
    record.note_status(
        OrderStatus::Rejected,
        datetime!(2026-12-07 19:50 UTC),
        Some(format!("Order {SECRET}: the back is blurry.")),
    );
    record.note_status(OrderStatus::Approved, datetime!(2026-12-07 19:55 UTC), None);
    record
}

fn id() -> OrderId {
    OrderId::parse(SECRET).expect("id")
}

fn approved_receipt() -> Receipt {
    let record = record();
    let facts = OrderFacts::new(&record, Some(&details(APPROVED)));
    Receipt::new(&facts, &record, Some(&id()), &english())
}

fn pdf(receipt: &Receipt, include_order_id: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    receipt
        .write_pdf(
            include_order_id,
            datetime!(2026-12-08 09:30 UTC),
            &english(),
            &mut bytes,
        )
        .expect("written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    bytes
}

/// Every string the pages draw (`(...) Tj` and `<...> Tj`), in order. The content streams are
/// uncompressed, so this is the text a reader shows, line by line.
fn shown(pdf: &[u8]) -> Vec<String> {
    let mut shown = Vec::new();
    let mut at = 0;
    while at < pdf.len() {
        let parsed = match pdf[at] {
            b'(' => literal(pdf, at + 1),
            b'<' if pdf.get(at + 1) != Some(&b'<') => hex(pdf, at + 1),
            _ => None,
        };
        let Some((bytes, end)) = parsed else {
            at += 1;
            continue;
        };
        let rest = &pdf[end..];
        let operator = rest.trim_ascii_start();
        if operator.starts_with(b"Tj") {
            shown.push(bytes.iter().map(|&b| win_ansi_char(b)).collect());
        }
        at = end;
    }
    shown
}

fn literal(pdf: &[u8], mut at: usize) -> Option<(Vec<u8>, usize)> {
    let mut bytes = Vec::new();
    let mut depth = 0;
    while let Some(&byte) = pdf.get(at) {
        at += 1;
        match byte {
            b'\\' => {
                let escaped = *pdf.get(at)?;
                at += 1;
                bytes.push(match escaped {
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'0'..=b'7' => {
                        let mut value = escaped - b'0';
                        for _ in 0..2 {
                            match pdf.get(at) {
                                Some(digit @ b'0'..=b'7') => {
                                    value = value.wrapping_mul(8) + (digit - b'0');
                                    at += 1;
                                }
                                _ => break,
                            }
                        }
                        value
                    }
                    other => other,
                });
            }
            b'(' => {
                depth += 1;
                bytes.push(byte);
            }
            b')' if depth == 0 => return Some((bytes, at)),
            b')' => {
                depth -= 1;
                bytes.push(byte);
            }
            _ => bytes.push(byte),
        }
    }
    None
}

fn hex(pdf: &[u8], at: usize) -> Option<(Vec<u8>, usize)> {
    let end = at + pdf[at..].iter().position(|&b| b == b'>')?;
    let digits = std::str::from_utf8(&pdf[at..end]).ok()?;
    let bytes = (0..digits.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    Some((bytes, end + 1))
}

fn win_ansi_char(byte: u8) -> char {
    match byte {
        0x85 => '…',
        _ => char::from(byte),
    }
}

fn has_line(lines: &[String], expected: &str) -> bool {
    lines.iter().any(|line| line == expected)
}

#[test]
fn an_approved_order_names_value_quote_destination_history_and_payout() {
    let receipt = approved_receipt();
    assert_eq!(
        receipt.payout.as_ref().map(|p| p.sats),
        Some(Sats::new(83_523))
    );
    assert_eq!(
        receipt.payout.as_ref().and_then(|p| p.value),
        Some(Cents::new(5500))
    );
    assert_eq!(
        receipt.payout.as_ref().and_then(|p| p.reference.clone()),
        Some(PayoutRef::Txid(TXID.into()))
    );

    let lines = shown(&pdf(&receipt, false));
    let all = lines.concat();
    assert!(
        has_line(&lines, "CardCoins Desktop - receipt"),
        "{lines:#?}"
    );
    assert!(has_line(&lines, "2026-12-08 09:30 UTC"), "when it was made");
    assert!(has_line(&lines, "$55.00"), "the card value");
    assert!(has_line(&lines, "83,523 sats"), "the sats");
    assert!(has_line(&lines, "$65,850.00"), "the price");
    assert!(has_line(&lines, "Approved"), "the status");
    assert!(
        has_line(&lines, "Bitcoin address"),
        "the destination's kind"
    );
    assert!(has_line(&lines, ADDRESS), "the destination");
    assert!(has_line(&lines, "0042"), "the phone's last digits");
    assert!(has_line(&lines, "Yes"), "names were given");
    assert!(has_line(&lines, "Transaction ID"));
    // 64 characters wrap over two lines.
    assert!(all.contains(TXID), "the txid");
    assert!(has_line(&lines, "Status history"));
    assert!(has_line(&lines, "2026-12-07 19:45 UTC"));
    assert!(has_line(&lines, "Being reviewed"));
    assert!(
        has_line(&lines, "Photos rejected: Order rec…: the back is blurry."),
        "a history line with its message, the ID cut: {lines:#?}"
    );
    // Two dollar amounts at $55.00 besides the card value: the quote's and the payout's.
    assert_eq!(lines.iter().filter(|line| *line == "$55.00").count(), 3);
}

#[test]
fn the_order_id_is_there_only_when_ticked() {
    let receipt = approved_receipt();
    let without = pdf(&receipt, false);
    assert!(
        !without
            .windows(SECRET.len())
            .any(|window| window == SECRET.as_bytes()),
        "the file holds no order ID anywhere"
    );
    assert!(!shown(&without).concat().contains(SECRET));
    assert!(!has_line(&shown(&without), "Order ID"));

    let with = shown(&pdf(&receipt, true));
    assert!(has_line(&with, "Order ID"));
    assert!(has_line(&with, SECRET), "{with:#?}");
    assert!(
        has_line(&with, "Photos rejected: Order rec…: the back is blurry."),
        "texts stay scrubbed: the ID is only on its own line"
    );
}

#[test]
fn an_open_lightning_order_has_no_payout_yet() {
    let mut record = record();
    record.destination = None;
    record.names_given = false;
    record.note_destination(INVOICE, true, false, datetime!(2026-12-07 19:41 UTC));
    let data = r#"{"status":"processing","order":{"base_currency_amount":5500,
        "currency_price_usd":6585000,"currency_amount":83523}}"#;
    let facts = OrderFacts::new(&record, Some(&details(data)));
    let receipt = Receipt::new(&facts, &record, None, &english());
    assert_eq!(receipt.payout, None);

    let lines = shown(&pdf(&receipt, true));
    assert!(has_line(&lines, "Lightning"), "{lines:#?}");
    assert!(lines.concat().contains(INVOICE), "the whole invoice");
    assert!(has_line(&lines, "Being reviewed"));
    assert!(has_line(&lines, "No"), "no names given");
    assert!(has_line(&lines, "83,523 sats"), "the quote");
    assert!(!has_line(&lines, "Bitcoin sent"));
    assert!(!has_line(&lines, "Transaction ID"));
    assert!(
        !has_line(&lines, "Order ID"),
        "ticked, but no ID was passed"
    );
}

#[test]
fn a_long_history_goes_on_over_pages() {
    let mut record = record();
    let start = datetime!(2026-12-08 00:00 UTC);
    for step in 0..90 {
        let status = if step % 2 == 0 {
            OrderStatus::Processing
        } else {
            OrderStatus::Rejected
        };
        let at = start + time::Duration::minutes(step);
        record.note_status(status, at, Some(format!("Try {step}: the back is blurry.")));
    }
    let facts = OrderFacts::new(&record, None);
    let bytes = pdf(&Receipt::new(&facts, &record, None, &english()), false);
    let lines = shown(&bytes);
    let pages = lines
        .iter()
        .find_map(|line| line.strip_prefix("Page 1 of "))
        .expect("numbered pages");
    assert!(pages.parse::<usize>().expect("a count") >= 2);
    let count = format!("/Count {pages}");
    assert!(
        bytes.windows(count.len()).any(|w| w == count.as_bytes()),
        "the page tree holds every page"
    );
    assert!(has_line(
        &lines,
        "Being reviewed: Try 88: the back is blurry."
    ));
    assert!(has_line(
        &lines,
        "Photos rejected: Try 89: the back is blurry."
    ));
}

#[test]
fn the_file_name_says_when_the_order_was_made() {
    assert_eq!(
        approved_receipt().file_name(),
        "cardcoins-receipt-2026-12-07-1940.pdf"
    );
}

/// What a PDF reader makes of it, where poppler's `pdftotext` is installed (poppler-utils).
#[test]
fn a_pdf_reader_reads_the_receipt() {
    let dir = std::env::temp_dir().join(format!("cardcoins-receipt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("receipt.pdf");
    std::fs::write(&file, pdf(&approved_receipt(), false)).expect("written");
    let output = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&file)
        .arg("-")
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let Ok(output) = output else {
        eprintln!("SKIPPED: pdftotext is not installed (apt-get install poppler-utils)");
        return;
    };
    assert!(output.status.success(), "pdftotext read the file");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    for expected in [
        "CardCoins Desktop - receipt",
        "$55.00",
        "83,523 sats",
        ADDRESS,
        "Photos rejected: Order rec…: the back is blurry.",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    assert!(!text.contains(SECRET));
}

#[test]
fn a_spanish_seller_gets_a_spanish_receipt() {
    let record = record();
    let facts = OrderFacts::new(&record, Some(&details(APPROVED)));
    let spanish = Catalog::for_tag("es-US");
    let receipt = Receipt::new(&facts, &record, None, &spanish);
    let mut bytes = Vec::new();
    receipt
        .write_pdf(false, datetime!(2026-12-08 09:30 UTC), &spanish, &mut bytes)
        .expect("written");
    let lines = shown(&bytes);
    // Accents survive the built-in fonts' encoding.
    assert!(has_line(&lines, "Valor de la tarjeta"), "{lines:#?}");
    assert!(has_line(&lines, "Cotización en dólares"), "{lines:#?}");
    assert!(has_line(&lines, "Aprobada"), "{lines:#?}");
    assert!(!has_line(&lines, "Gift card value"), "{lines:#?}");
}

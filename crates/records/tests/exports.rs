//! The CSV and BIP-329 exports read back with independent parsers: the csv crate's reader, and
//! BIP-329 checked line by line.

use cardcoins_core::{Cents, OrderId, OrderStatus, Sats};
use cardcoins_records::{
    read_bip329, write_bip329, write_csv, Bip329Label, Bip329Type, ExportRow, PayoutRef,
    WalletAddressRef, CSV_COLUMNS,
};
use time::macros::datetime;

const ADDRESS: &str = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
const TXID: &str = "F91D0A8A78462BC59398F2C5D7A84FCFF491C26BA54C4833478B202796C8AAFD";
const ORIGIN: &str = "wpkh([73c5da0a/84'/0'/0'])";
const SECRET_A: &str = "exportSECRETaaaa";
const SECRET_B: &str = "exportSECRETbbbb";

fn rows() -> Vec<ExportRow> {
    vec![
        ExportRow {
            date: Some(datetime!(2026-12-03 14:05:00.717 UTC)),
            card_value: Cents::new(10_000),
            sats: Some(Sats::new(200_010)),
            price: Some(Cents::new(5_000_000)),
            status: OrderStatus::Completed,
            destination: Some(ADDRESS.to_string()),
            payout: Some(PayoutRef::Txid(TXID.to_string())),
            order_id: Some(OrderId::parse(SECRET_A).expect("id")),
            wallet_address: Some(WalletAddressRef {
                index: 7,
                origin: Some(ORIGIN.to_string()),
            }),
        },
        ExportRow {
            date: Some(datetime!(2026-12-04 09:00:00 -05:00)),
            card_value: Cents::new(5500),
            sats: Some(Sats::new(83_523)),
            price: Some(Cents::new(6_585_000)),
            status: OrderStatus::Approved,
            destination: Some("lnbc1500n1invoice".to_string()),
            payout: Some(PayoutRef::PaymentHash("0a1b2c".to_string())),
            order_id: Some(OrderId::parse(SECRET_B).expect("id")),
            wallet_address: None,
        },
        // What a hostile or broken server could send back: text with separators, quotes and
        // line breaks, and text a spreadsheet would run as a formula.
        ExportRow {
            date: None,
            card_value: Cents::new(1),
            sats: None,
            price: None,
            status: OrderStatus::Unknown("on \"hold\", see\nnotes".to_string()),
            destination: Some("=HYPERLINK(\"http://evil\",\"x\")".to_string()),
            payout: Some(PayoutRef::Txid("@SUM(1+1)".to_string())),
            order_id: None,
            wallet_address: None,
        },
    ]
}

fn csv_text(include_order_ids: bool) -> String {
    let mut bytes = Vec::new();
    write_csv(&rows(), include_order_ids, &mut bytes).expect("csv written");
    String::from_utf8(bytes).expect("UTF-8")
}

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let records = reader
        .records()
        .map(|record| {
            record
                .expect("a valid CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, records)
}

#[test]
fn csv_reads_back_with_one_row_per_order() {
    let (header, records) = read_csv(&csv_text(false));
    assert_eq!(header, CSV_COLUMNS);
    assert_eq!(records.len(), 3);
    assert_eq!(
        records[0],
        [
            "2026-12-03T14:05:00Z",
            "100.00",
            "200010",
            "50000.00",
            // 200,010 sats at $50,000 = 10,000.5 cents: half a cent rounds up.
            "100.01",
            "completed",
            ADDRESS,
            TXID,
            "7",
        ]
    );
    assert_eq!(records[1][0], "2026-12-04T14:00:00Z", "dates are in UTC");
    assert_eq!(records[1][4], "55.00");
    assert_eq!(records[1][7], "0a1b2c", "Lightning payouts keep their hash");
    assert_eq!(records[1][8], "", "a pasted address has no number");
}

#[test]
fn csv_quotes_separators_and_defuses_formulas() {
    let text = csv_text(false);
    let (_, records) = read_csv(&text);
    let hostile = &records[2];
    assert_eq!(hostile[0], "", "an unknown date is an empty cell");
    assert_eq!(hostile[2], "");
    assert_eq!(hostile[4], "");
    assert_eq!(hostile[5], "on \"hold\", see\nnotes", "quoted, not split");
    assert_eq!(hostile[6], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(hostile[7], "'@SUM(1+1)");
    assert!(text.contains("\"on \"\"hold\"\", see\nnotes\""), "{text}");
}

#[test]
fn csv_holds_order_ids_only_when_asked() {
    let without = csv_text(false);
    assert!(!without.contains("order_id"));
    for secret in [SECRET_A, SECRET_B] {
        assert!(!without.contains(secret), "{without}");
    }

    let with = csv_text(true);
    let (header, records) = read_csv(&with);
    assert_eq!(header.last().map(String::as_str), Some("order_id"));
    assert_eq!(records[0][9], SECRET_A);
    assert_eq!(records[1][9], SECRET_B);
    assert_eq!(records[2][9], "");
}

/// A BIP-329 line as the spec defines it, read without this crate's types: a JSON object whose
/// `type` is one the spec lists and whose `ref` and `label` are strings, on one line.
#[derive(serde::Deserialize)]
struct SpecLine {
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "ref")]
    reference: String,
    label: String,
}

fn bip329_text(rows: &[ExportRow], include_order_ids: bool) -> String {
    let mut bytes = Vec::new();
    write_bip329(rows, include_order_ids, &mut bytes).expect("labels written");
    String::from_utf8(bytes).expect("BIP-329 files are UTF-8")
}

#[test]
fn bip329_round_trip() {
    let text = bip329_text(&rows(), false);
    assert!(text.ends_with('\n') && !text.contains('\r'));
    let mut parsed = Vec::new();
    for line in text.lines() {
        let spec: SpecLine = serde_json::from_str(line).expect("a BIP-329 line");
        assert!(
            ["tx", "addr", "pubkey", "input", "output", "xpub"].contains(&spec.kind.as_str()),
            "{line}"
        );
        assert!(!spec.reference.is_empty() && !spec.label.is_empty());
        assert!(
            spec.label.chars().count() <= 255,
            "importers may cut longer labels"
        );
        parsed.push((spec.kind, spec.reference, spec.label));
    }
    let label = "CardCoins sale: $100.00 gift card, 2026-12-03".to_string();
    assert_eq!(
        parsed,
        [
            ("addr".to_string(), ADDRESS.to_string(), label.clone()),
            ("tx".to_string(), TXID.to_ascii_lowercase(), label.clone()),
        ],
        "an invoice, a payment hash and a txid that is no txid get no label"
    );

    let typed = read_bip329(text.as_bytes()).expect("reads back");
    assert_eq!(
        typed,
        [
            Bip329Label {
                kind: Bip329Type::Addr,
                reference: ADDRESS.to_string(),
                label: Some(label.clone()),
                origin: Some(ORIGIN.to_string()),
                spendable: None,
            },
            Bip329Label {
                kind: Bip329Type::Tx,
                reference: TXID.to_ascii_lowercase(),
                label: Some(label),
                origin: None,
                spendable: None,
            },
        ]
    );
    let mut again = Vec::new();
    for label in &typed {
        serde_json::to_writer(&mut again, label).expect("json");
        again.push(b'\n');
    }
    assert_eq!(
        String::from_utf8(again).expect("UTF-8"),
        text,
        "byte for byte"
    );
}

#[test]
fn bip329_holds_order_ids_only_when_asked() {
    let without = bip329_text(&rows(), false);
    assert!(
        !without.contains(SECRET_A) && !without.contains("order"),
        "{without}"
    );
    let with = bip329_text(&rows(), true);
    for label in read_bip329(with.as_bytes()).expect("reads back") {
        assert_eq!(
            label.label.as_deref(),
            Some(
                format!("CardCoins sale: $100.00 gift card, 2026-12-03, order {SECRET_A}").as_str()
            )
        );
    }
}

#[test]
fn bip329_shares_a_line_per_address_and_skips_orders_without_a_sale() {
    let mut rows = rows();
    let mut second = rows[0].clone();
    second.card_value = Cents::new(2000);
    second.payout = None;
    let mut expired = rows[0].clone();
    expired.status = OrderStatus::Expired;
    expired.destination = Some("bc1q34aq5drpuwy3wgl9lhup9892qp6svr8ldzyy7c".to_string());
    expired.payout = None;
    rows.push(second);
    rows.push(expired);
    let labels = read_bip329(bip329_text(&rows, false).as_bytes()).expect("reads back");
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert_eq!(
        labels[0].label.as_deref(),
        Some("CardCoins sale: $100.00 gift card, 2026-12-03; CardCoins sale: $20.00 gift card, 2026-12-03")
    );
}

#[test]
fn a_bitcoin_link_is_labelled_by_its_address() {
    let mut row = rows().remove(0);
    row.destination = Some(format!(
        "bitcoin:{}?amount=0.001",
        ADDRESS.to_ascii_uppercase()
    ));
    let labels = read_bip329(bip329_text(&[row], false).as_bytes()).expect("reads back");
    assert_eq!(labels[0].reference, ADDRESS);
}

#[test]
fn the_reader_refuses_what_is_not_bip329_without_quoting_it() {
    for (text, line) in [
        (
            "{\"type\":\"tx\",\"ref\":\"ab\"}\n\n{\"type\":\"secretKIND\",\"ref\":\"x\"}\n",
            3,
        ),
        ("{\"type\":\"addr\"}\n", 1),
        ("{\"type\":\"addr\",\"ref\":7}\n", 1),
        ("not json secretTEXT\n", 1),
    ] {
        let error = read_bip329(text.as_bytes()).expect_err(text);
        let message = error.to_string();
        assert!(message.starts_with(&format!("line {line} ")), "{message}");
        assert!(!message.contains("secret"), "{message}");
    }
    let extra = read_bip329(
        "{\"type\":\"output\",\"ref\":\"ab:1\",\"label\":\"x\",\"spendable\":false,\"height\":5}\n"
            .as_bytes(),
    )
    .expect("additional fields are allowed");
    assert_eq!(extra[0].spendable, Some(false));
}

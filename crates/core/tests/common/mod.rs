//! Reads the vector tables in `tests/vectors/`: one case per line, columns separated by `|`,
//! `#` starts a comment line, and `@now <unix seconds>` sets the clock for the lines after it.

#![allow(dead_code)] // each test binary uses a different part

use std::time::{Duration, SystemTime};

use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::{Secp256k1, SecretKey};
use cardcoins_core::{CoreError, Destination, ParsedDestination};
use lightning_invoice::{Currency, InvoiceBuilder, PaymentSecret};

pub struct Row<'a> {
    pub line: usize,
    pub columns: Vec<&'a str>,
    pub now: SystemTime,
}

pub fn rows(table: &str) -> Vec<Row<'_>> {
    let mut now = SystemTime::now();
    let mut rows = Vec::new();
    for (index, raw) in table.lines().enumerate() {
        let text = raw.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if let Some(seconds) = text.strip_prefix("@now ") {
            let seconds: u64 = seconds.trim().parse().expect("@now takes unix seconds");
            now = SystemTime::UNIX_EPOCH + Duration::from_secs(seconds);
            continue;
        }
        rows.push(Row {
            line: index + 1,
            columns: text.split('|').map(str::trim).collect(),
            now,
        });
    }
    assert!(!rows.is_empty(), "an empty table tests nothing");
    rows
}

/// Short names the tables use for destination kinds.
pub fn kind_code(destination: &Destination) -> &'static str {
    match destination.kind_label() {
        "Bitcoin address (legacy)" => "p2pkh",
        "Bitcoin address (P2SH)" => "p2sh",
        "Bitcoin address (SegWit)" => "p2wpkh",
        "Bitcoin address (SegWit script)" => "p2wsh",
        "Bitcoin address (Taproot)" => "p2tr",
        "Lightning invoice" => "bolt11",
        "Lightning Address" => "lnaddr",
        other => panic!("no table code for {other}"),
    }
}

/// Checks every row of a destination table:
/// `ok:<kind> | input | [api value]` or `<error code> | input | [fragment of the message]`.
/// Returns how many rows were checked.
pub fn check_destination_table(name: &str, table: &str) -> usize {
    let rows = rows(table);
    let mut failures = Vec::new();
    for row in &rows {
        let expect = row.columns[0];
        let input = row.columns.get(1).copied().unwrap_or_default();
        let detail = row.columns.get(2).copied().unwrap_or_default();
        let result = Destination::parse_at(input, row.now);
        if let Err(problem) = check_row(expect, detail, &result) {
            failures.push(format!("{name}:{} {input:?}: {problem}", row.line));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    rows.len()
}

fn check_row(
    expect: &str,
    detail: &str,
    result: &Result<ParsedDestination, CoreError>,
) -> Result<(), String> {
    match (expect.strip_prefix("ok:"), result) {
        (Some(kind), Ok(parsed)) => {
            let got = kind_code(&parsed.destination);
            if got != kind {
                return Err(format!("expected {kind}, got {got}"));
            }
            if !detail.is_empty() && parsed.destination.api_value() != detail {
                return Err(format!(
                    "expected api value {detail}, got {}",
                    parsed.destination.api_value()
                ));
            }
            Ok(())
        }
        (Some(_), Err(error)) => Err(format!("expected success, got {}: {error}", error.code())),
        (None, Ok(parsed)) => Err(format!(
            "expected {expect}, got {}",
            parsed.destination.kind_label()
        )),
        (None, Err(error)) => {
            if error.code().as_str() != expect {
                return Err(format!("expected {expect}, got {}: {error}", error.code()));
            }
            if !error.to_string().contains(detail) {
                return Err(format!("message lacks {detail:?}: {error}"));
            }
            error.reason().check().map(drop)
        }
    }
}

/// A fixed clock, so expiry arithmetic is exact.
pub fn now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000)
}

/// An invoice signed with a test key, made `age` before `now()`, valid for `expiry`.
pub fn invoice(
    currency: Currency,
    amount_msat: Option<u64>,
    age: Duration,
    expiry: Duration,
) -> String {
    let key = SecretKey::from_slice(&[0x41; 32]).unwrap();
    let created = now().duration_since(SystemTime::UNIX_EPOCH).unwrap() - age;
    let builder = InvoiceBuilder::new(currency)
        .description("CardCoins test".into())
        .payment_hash(sha256::Hash::hash(b"payment preimage"))
        .payment_secret(PaymentSecret([0x42; 32]))
        .duration_since_epoch(created)
        .expiry_time(expiry)
        .min_final_cltv_expiry_delta(144);
    let builder = match amount_msat {
        Some(msat) => builder.amount_milli_satoshis(msat),
        None => builder,
    };
    builder
        .build_signed(|hash| Secp256k1::new().sign_ecdsa_recoverable(hash, &key))
        .unwrap()
        .to_string()
}

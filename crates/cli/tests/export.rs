//! `cardcoins export` against `cardcoins sandbox serve`: order IDs in on standard input, CSV and
//! BIP-329 out on standard output, with order IDs only when asked.

mod common;

use common::{start_sandbox, Sandbox};

const PHONE: &str = "+12025550143";
// BIP 173's example P2WPKH address and BIP-329's own.
const ADDRESSES: [&str; 2] = [
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    "bc1q34aq5drpuwy3wgl9lhup9892qp6svr8ldzyy7c",
];
const COLUMNS: [&str; 9] = [
    "date",
    "card_value_usd",
    "sats_received",
    "price_usd_per_btc",
    "usd_value_at_receipt",
    "status",
    "destination",
    "txid_or_payment_hash",
    "wallet_address_number",
];

impl Sandbox {
    fn ok_piped(&self, args: &[&str], stdin: &str) -> (String, String) {
        let output = self.run(args, Some(stdin));
        let stdout = String::from_utf8(output.stdout).expect("UTF-8 stdout");
        let stderr = String::from_utf8_lossy(&output.stderr).to_string();
        assert!(
            output.status.success(),
            "cardcoins {args:?} failed\nstdout: {stdout}\nstderr: {stderr}"
        );
        (stdout, stderr)
    }

    fn create(&self, amount_cents: &str, address: &str) -> String {
        let (id, _) = self.ok_piped(
            &[
                "order",
                "create",
                "--amount-cents",
                amount_cents,
                "--phone",
                PHONE,
                "--address",
                address,
            ],
            "",
        );
        id.trim().to_string()
    }
}

fn csv_records(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("a CSV header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|row| row.expect("a CSV row").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// Every line a JSON object with a BIP-329 type and string `ref` and `label`.
fn bip329_lines(text: &str) -> Vec<(String, String, String)> {
    text.lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let field = |key: &str| {
                value[key]
                    .as_str()
                    .unwrap_or_else(|| panic!("{key} is not a string: {line}"))
                    .to_string()
            };
            let kind = field("type");
            assert!(
                ["tx", "addr", "pubkey", "input", "output", "xpub"].contains(&kind.as_str()),
                "{line}"
            );
            (kind, field("ref"), field("label"))
        })
        .collect()
}

#[test]
fn exports_the_orders_piped_in_with_ids_only_when_asked() {
    let sandbox = start_sandbox();
    let first = sandbox.create("10000", ADDRESSES[0]);
    let second = sandbox.create("5500", ADDRESSES[1]);
    let input = format!("  {first}  \n\n{second}\n");

    let (csv, stderr) = sandbox.ok_piped(&["export", "--format", "csv"], &input);
    for id in [&first, &second] {
        assert!(
            !csv.contains(id.as_str()) && !stderr.contains(id.as_str()),
            "{csv}{stderr}"
        );
    }
    let (header, rows) = csv_records(&csv);
    assert_eq!(header, COLUMNS);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][1], "100.00");
    assert_eq!(rows[1][1], "55.00");
    assert_eq!(rows[0][6], ADDRESSES[0], "{csv}");
    assert!(rows[0][3].contains('.'), "the price is in dollars: {csv}");

    let (csv, _) = sandbox.ok_piped(
        &["export", "--format", "csv", "--include-order-ids"],
        &input,
    );
    let (header, rows) = csv_records(&csv);
    assert_eq!(header.last().map(String::as_str), Some("order_id"));
    assert_eq!(rows[0][9], first);
    assert_eq!(rows[1][9], second);

    let (labels, stderr) = sandbox.ok_piped(&["export", "--format", "bip329"], &input);
    assert!(
        !labels.contains(&first) && !stderr.contains(&first),
        "{labels}"
    );
    let lines = bip329_lines(&labels);
    let references: Vec<&str> = lines
        .iter()
        .map(|(_, reference, _)| reference.as_str())
        .collect();
    assert_eq!(references, ADDRESSES, "{labels}");
    assert!(
        lines[0].2.starts_with("CardCoins sale: $100.00 gift card"),
        "{labels}"
    );

    let (labels, _) = sandbox.ok_piped(
        &["export", "--format", "bip329", "--include-order-ids"],
        &input,
    );
    let lines = bip329_lines(&labels);
    assert!(
        lines[0].2.ends_with(&format!(", order {first}")),
        "{labels}"
    );
    assert!(
        lines[1].2.ends_with(&format!(", order {second}")),
        "{labels}"
    );
}

#[test]
fn a_bad_line_is_named_by_number_and_nothing_is_written() {
    let sandbox = start_sandbox();
    let good = sandbox.create("2000", ADDRESSES[0]);
    let output = sandbox.run(
        &["--json", "export", "--format", "csv"],
        Some(&format!("{good}\nsecretPART/typo\n")),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let error: serde_json::Value = serde_json::from_str(&stderr).expect("a JSON error");
    assert_eq!(error["error"]["code"], "invalid_order_id", "{error}");
    let message = error["error"]["message"].as_str().unwrap_or_default();
    assert!(message.starts_with("line 2 of standard input"), "{message}");
    assert!(
        !stderr.contains("secretPART") && !stderr.contains(&good),
        "{stderr}"
    );

    let output = sandbox.run(&["export", "--format", "bip329"], Some("NoSuchOrder123\n"));
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 1"), "{stderr}");
    assert!(!stderr.contains("NoSuchOrder123"), "{stderr}");
}

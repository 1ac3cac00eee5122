//! The support bundle holds no order ID unless ticked, and never a photo.

use cardcoins_core::{Cents, OrderId, OrderStatus, Sats};
use cardcoins_records::{BundledOrder, ExportRow, PayoutRef, SupportBundle, TimelineEntry};
use serde_json::Value;
use time::macros::datetime;

const SECRET: &str = "bundleSECRETid42";
const OTHER: &str = "otherSECRETid777";
const PHOTO_URL: &str = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHRsa";

fn bundle() -> SupportBundle {
    let id = OrderId::parse(SECRET).expect("id");
    SupportBundle {
        app_version: "0.1.0".into(),
        os: "Debian 12 (bookworm), x86_64".into(),
        report: format!("CardCoins Desktop diagnostics\nOrder IDs kept in: the system keyring\nlast order {SECRET}"),
        log_tail: vec![
            format!("2026-12-03T14:05:00Z INFO order created order={SECRET}"),
            format!("2026-12-03T14:06:00Z DEBUG GET /v2/orders/{SECRET} 200"),
            format!("2026-12-03T14:06:01Z DEBUG preview {PHOTO_URL} shown"),
            format!("2026-12-03T14:07:00Z INFO another order {OTHER}"),
        ],
        orders: vec![BundledOrder {
            row: ExportRow {
                date: Some(datetime!(2026-12-03 14:05:00 UTC)),
                card_value: Cents::new(10_000),
                sats: Some(Sats::new(200_000)),
                price: Some(Cents::new(5_000_000)),
                status: OrderStatus::Rejected,
                destination: Some("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4".into()),
                payout: Some(PayoutRef::Txid(format!("txid-for-{SECRET}"))),
                order_id: Some(id),
                wallet_address: None,
            },
            history: vec![
                TimelineEntry {
                    status: OrderStatus::Created,
                    at: datetime!(2026-12-03 14:05:00 UTC),
                    message: None,
                },
                TimelineEntry {
                    status: OrderStatus::Rejected,
                    at: datetime!(2026-12-03 14:20:00 UTC),
                    message: Some(format!("Order {SECRET}: the back is blurry. {PHOTO_URL}")),
                },
            ],
        }],
        other_order_ids: vec![OrderId::parse(OTHER).expect("id")],
    }
}

fn written(include_order_ids: bool) -> String {
    let mut bytes = Vec::new();
    bundle()
        .write(
            include_order_ids,
            datetime!(2026-12-05 10:00:00 UTC),
            &mut bytes,
        )
        .expect("written");
    String::from_utf8(bytes).expect("a bundle is UTF-8 text")
}

fn assert_no_photo(text: &str) {
    let bytes = text.as_bytes();
    for magic in [&[0xFF, 0xD8, 0xFF][..], b"\x89PNG", b"RIFF", b"ftypheic"] {
        assert!(!bytes.windows(magic.len()).any(|w| w == magic), "{magic:?}");
    }
    assert!(!text.contains("/9j/4AAQ"), "base64 JPEG left in:\n{text}");
    assert!(!text.to_ascii_lowercase().contains("base64,/"), "{text}");
    assert!(text.contains("data:image/jpeg;base64,[removed]"));
}

#[test]
fn without_the_tick_no_order_id_is_anywhere() {
    let text = written(false);
    assert!(!text.contains(SECRET), "{text}");
    assert!(!text.contains(OTHER), "{text}");
    assert!(text.contains("bun…"), "the texts say where an ID was");
    assert_no_photo(&text);

    let json: Value = serde_json::from_str(&text).expect("one JSON document");
    assert_eq!(json["order_ids_included"], false);
    assert_eq!(json["app_version"], "0.1.0");
    assert_eq!(json["os"], "Debian 12 (bookworm), x86_64");
    assert_eq!(json["log_tail"].as_array().map(Vec::len), Some(4));
    let order = &json["orders"][0];
    assert!(order.get("order_id").is_none(), "{order}");
    assert_eq!(order["card_value_usd"], "100.00");
    assert_eq!(order["usd_value_at_receipt"], "100.00");
    assert_eq!(order["status"], "rejected");
    assert_eq!(order["history"][1]["at"], "2026-12-03T14:20:00Z");
    assert_eq!(order["history"][1]["status"], "rejected");
    assert!(order["history"][1]["message"]
        .as_str()
        .is_some_and(|message| message.starts_with("Order bun…: the back is blurry.")));
}

#[test]
fn with_the_tick_the_id_is_only_in_its_own_field() {
    let text = written(true);
    assert_eq!(text.matches(SECRET).count(), 1, "{text}");
    assert!(!text.contains(OTHER), "other orders' IDs are never written");
    assert_no_photo(&text);
    let json: Value = serde_json::from_str(&text).expect("one JSON document");
    assert_eq!(json["order_ids_included"], true);
    assert_eq!(json["orders"][0]["order_id"], SECRET);
}

#[test]
fn the_file_name_says_what_and_when() {
    assert_eq!(
        SupportBundle::file_name(datetime!(2026-12-05 10:00:00 +01:00)),
        "cardcoins-support-2026-12-05-090000.json"
    );
}

#[cfg(feature = "vault")]
#[test]
fn a_vault_record_brings_its_history() {
    let record: cardcoins_vault::OrderRecord = serde_json::from_str(
        r#"{"handle":"h","amount":5500,"created_at":"2026-12-01T08:00:00Z","last_status":"rejected",
        "step":"photos","history":[{"status":"created","at":"2026-12-01T08:00:00Z"},
        {"status":"rejected","at":"2026-12-01T09:00:00Z","message":"Blurry"}]}"#,
    )
    .expect("a record");
    let order = BundledOrder::from_record(&record, None, None);
    assert_eq!(order.row.card_value, Cents::new(5500));
    assert_eq!(order.row.date, Some(datetime!(2026-12-01 08:00:00 UTC)));
    assert_eq!(order.row.status, OrderStatus::Rejected);
    assert_eq!(order.history.len(), 2);
    assert_eq!(order.history[1].message.as_deref(), Some("Blurry"));
}

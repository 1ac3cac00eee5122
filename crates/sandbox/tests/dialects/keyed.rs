//! `keyed`: maps keyed by image type, `phone` as an object, `completed`, errors as
//! `{"error": {"code", "message"}}`.

use cardcoins_sandbox::Dialect;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{is_hex64, zero_amount_invoice, Harness, ADDRESS, PHONE};
use crate::{
    assert_documented_order, authorized, content_type, created_with_phone, decision, keys, pay,
    raw_get, set_fault, upload_all, verify,
};

async fn harness() -> Harness {
    crate::harness(Dialect::Keyed).await
}

fn assert_error(body: &Value, code: &str) -> String {
    assert_eq!(keys(body), ["error"], "{body}");
    assert_eq!(keys(&body["error"]), ["code", "message"], "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty(), "{body}");
    message.to_string()
}

/// Image type -> description, each description a non-empty string.
fn image_map(value: &Value) -> Vec<&str> {
    let map = value
        .as_object()
        .unwrap_or_else(|| panic!("not a map: {value}"));
    for (slot, description) in map {
        assert!(
            description.as_str().is_some_and(|text| !text.is_empty()),
            "{slot}: {description}"
        );
    }
    keys(value)
}

#[tokio::test]
async fn a_whole_order_in_maps_ends_completed_with_a_tx_id() {
    let harness = harness().await;
    let order_id = harness.create_order(5500).await;
    let order = harness.order(&order_id).await;
    assert_eq!(order["status"], "created");
    assert_eq!(
        keys(&order),
        ["order", "phone", "status", "ticker"],
        "{order}"
    );
    assert_eq!(order["phone"], Value::Null);
    assert_documented_order(&order);

    harness.verify_phone(&order_id, PHONE).await;
    let order = harness.order(&order_id).await;
    assert_eq!(order["phone"], json!({"number": PHONE, "confirmed": true}));
    let (status, body) = pay(&harness, &order_id, json!({"address": ADDRESS})).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let order = harness.order(&order_id).await;
    assert_eq!(order["status"], "authorized");
    assert_eq!(image_map(&order["required_images"]), ["Image1", "Image2"]);
    upload_all(&harness, &order_id, &["Image1"]).await;
    let order = harness.order(&order_id).await;
    assert_eq!(image_map(&order["required_images"]), ["Image2"]);
    upload_all(&harness, &order_id, &["Image2"]).await;
    assert_eq!(harness.order(&order_id).await["required_images"], json!({}));

    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    let order = decision(&harness, &order_id, "processing").await;
    assert_eq!(order["status"], "completed");
    assert_eq!(
        keys(&order),
        [
            "order",
            "payout",
            "phone",
            "required_images",
            "status",
            "ticker"
        ],
        "{order}"
    );
    assert_eq!(keys(&order["payout"]), ["amount_sats", "tx_id"]);
    assert_eq!(
        order["payout"]["amount_sats"],
        order["order"]["currency_amount"]
    );
    assert!(is_hex64(&order["payout"]["tx_id"]), "{order}");
}

#[tokio::test]
async fn a_rejected_lightning_order_keys_its_feedback_then_completes_with_a_payment_hash() {
    let harness = harness().await;
    let order_id = harness.create_order(5513).await;
    harness.verify_phone(&order_id, PHONE).await;
    let (status, body) = pay(
        &harness,
        &order_id,
        json!({"ln_invoice": zero_amount_invoice()}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    upload_all(&harness, &order_id, &["Image1", "Image2"]).await;
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);

    let order = decision(&harness, &order_id, "processing").await;
    assert_eq!(order["status"], "rejected");
    assert_eq!(image_map(&order["image_feedback"]), ["Image2"]);
    assert_eq!(image_map(&order["required_images"]), ["Image2"]);
    upload_all(&harness, &order_id, &["Image2"]).await;
    assert_eq!(harness.order(&order_id).await["required_images"], json!({}));

    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    let order = decision(&harness, &order_id, "processing").await;
    assert_eq!(order["status"], "completed");
    assert!(order.get("image_feedback").is_none(), "{order}");
    assert_eq!(keys(&order["payout"]), ["amount_sats", "payment_hash"]);
    assert!(is_hex64(&order["payout"]["payment_hash"]), "{order}");
}

#[tokio::test]
async fn errors_carry_a_code_and_their_own_wording() {
    let harness = harness().await;
    let (status, body) = harness.post("orders", r#"{"currency":"bitcoin"}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let message = assert_error(&body, "invalid_request");
    assert!(!message.contains("amount is required"), "{message}");

    let (status, body) = harness.get("orders/AAAAAAAAAAAAAAAA").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let message = assert_error(&body, "order_not_found");
    assert!(!message.contains("create a new order"), "{message}");

    let order_id = authorized(&harness, 5500).await;
    let (status, body) = verify(&harness, &order_id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let message = assert_error(&body, "missing_images");
    assert!(message.contains("Image1, Image2"), "{message}");
    let (status, body) = harness
        .presign(&order_id, "GovidImageBack", "id.png", 100)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let message = assert_error(&body, "image_not_requested");
    assert!(message.contains("Image1, Image2"), "{message}");

    let (status, body) = pay(&harness, &order_id, json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_error(&body, "invalid_order_state");

    set_fault(&harness, json!("maintenance")).await;
    let (status, body) = harness.get("tickers").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_error(&body, "maintenance");
}

#[tokio::test]
async fn the_rate_limit_is_a_json_429_with_retry_after_30() {
    let harness = harness().await;
    set_fault(&harness, json!("rate_limited")).await;
    let (status, headers, text) = raw_get(&harness, "tickers").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        content_type(&headers).starts_with("application/json"),
        "{headers:?}"
    );
    assert_eq!(
        headers.get("retry-after").and_then(|v| v.to_str().ok()),
        Some("30")
    );
    let body: Value = serde_json::from_str(&text).expect("JSON");
    assert_error(&body, "rate_limited");
}

#[tokio::test]
async fn the_firewall_itself_answers_the_same_way() {
    let harness = crate::common::Harness::with(cardcoins_sandbox::SandboxConfig {
        rate_limit_per_minute: 1,
        ..crate::config(Dialect::Keyed)
    })
    .await;
    assert_eq!(raw_get(&harness, "tickers").await.0, StatusCode::OK);
    let (status, headers, text) = raw_get(&harness, "tickers").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(headers.get("retry-after").is_some(), "{headers:?}");
    let body: Value = serde_json::from_str(&text).expect("JSON");
    assert_error(&body, "rate_limited");
}

#[tokio::test]
async fn the_phone_object_follows_the_number_before_confirmation() {
    let harness = harness().await;
    let order_id = created_with_phone(&harness, 5500).await;
    let order = harness.order(&order_id).await;
    assert_eq!(order["phone"], json!({"number": PHONE, "confirmed": false}));
}

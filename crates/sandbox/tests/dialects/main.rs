//! The dialects (docs/api-choices.md, "Sandbox dialects") driven over raw HTTP: each one's
//! shapes, and the rules every dialect keeps.

#[path = "../common/mod.rs"]
mod common;

mod keyed;
mod reference;
mod rules;
mod terse;

use std::time::Duration;

use cardcoins_sandbox::{Dialect, SandboxConfig};
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde_json::{json, Value};

use common::{Harness, ADDRESS, JPEG};

pub fn config(dialect: Dialect) -> SandboxConfig {
    SandboxConfig {
        dialect,
        decision_delay: Duration::from_millis(50),
        ..SandboxConfig::default()
    }
}

pub async fn harness(dialect: Dialect) -> Harness {
    Harness::with(config(dialect)).await
}

/// The keys of a JSON object, sorted.
pub fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .map(|object| object.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    keys
}

/// The reference's seven `order` fields, whatever the dialect.
pub fn assert_documented_order(data: &Value) {
    assert_eq!(
        keys(&data["order"]),
        [
            "base_currency",
            "base_currency_amount",
            "created_at",
            "currency",
            "currency_amount",
            "currency_price_usd",
            "currency_symbol"
        ],
        "{data}"
    );
    assert_eq!(
        keys(&data["ticker"]),
        ["last_updated_at", "update_frequency"],
        "{data}"
    );
}

pub async fn pay(harness: &Harness, order_id: &str, body: Value) -> (StatusCode, Value) {
    harness
        .post_json(&format!("orders/{order_id}/payment"), body)
        .await
}

pub async fn verify(harness: &Harness, order_id: &str) -> (StatusCode, Value) {
    harness.post(&format!("orders/{order_id}/verify"), "").await
}

/// A new order for `amount` with PHONE associated and confirmed and ADDRESS accepted.
pub async fn authorized(harness: &Harness, amount: u64) -> String {
    let order_id = created_with_phone(harness, amount).await;
    harness.verify_phone(&order_id, common::PHONE).await;
    let (status, body) = pay(harness, &order_id, json!({"address": ADDRESS})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    order_id
}

/// An order created with `phone_number`, so every dialect will dispatch to it.
pub async fn created_with_phone(harness: &Harness, amount: u64) -> String {
    let (status, body) = harness
        .post_json(
            "orders",
            json!({"amount": amount, "currency": "bitcoin", "phone_number": common::PHONE}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["data"]["order_id"]
        .as_str()
        .expect("order_id")
        .to_string()
}

pub async fn upload_all(harness: &Harness, order_id: &str, slots: &[&str]) {
    for slot in slots {
        harness.upload_image(order_id, slot, JPEG).await;
    }
}

/// The order once its decision is due, which the dialect shows as no longer `review_word`.
pub async fn decision(harness: &Harness, order_id: &str, review_word: &str) -> Value {
    harness.pass_decision_delay();
    let order = harness.order(order_id).await;
    assert_ne!(order["status"], review_word, "no decision: {order}");
    order
}

/// Any answer, JSON or not: status, headers, body text.
pub async fn raw_get(harness: &Harness, path: &str) -> (StatusCode, HeaderMap, String) {
    let response = harness
        .http
        .get(harness.url(path))
        .send()
        .await
        .expect("GET sent");
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.expect("body"))
}

pub async fn set_fault(harness: &Harness, fault: Value) {
    let response = harness
        .http
        .post(format!("{}/sandbox/faults", harness.origin()))
        .json(&fault)
        .send()
        .await
        .expect("fault set");
    assert_eq!(response.status(), StatusCode::OK);
}

/// An error answer's human message, wherever the dialect puts it.
pub fn error_message(dialect: Dialect, body: &Value) -> String {
    let message = match dialect {
        Dialect::Keyed => &body["error"]["message"],
        _ => &body["message"],
    };
    message
        .as_str()
        .unwrap_or_else(|| panic!("no message in {body}"))
        .to_string()
}

pub fn content_type(headers: &HeaderMap) -> &str {
    headers
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}

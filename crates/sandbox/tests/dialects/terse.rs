//! `terse`: lists of image type names, one feedback string, other status words, errors with
//! `data: null`, a CDN block page (403, HTML) for the rate limit.

use cardcoins_sandbox::Dialect;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{Harness, ADDRESS, PHONE};
use crate::{
    assert_documented_order, authorized, content_type, decision, keys, pay, raw_get, set_fault,
    upload_all, verify,
};

async fn harness() -> Harness {
    crate::harness(Dialect::Terse).await
}

fn assert_error(body: &Value) -> String {
    assert_eq!(keys(body), ["data", "message"], "{body}");
    assert_eq!(body["data"], Value::Null, "{body}");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty(), "{body}");
    message.to_string()
}

#[tokio::test]
async fn a_whole_order_with_lists_and_its_own_status_words() {
    let harness = harness().await;
    let order_id = harness.create_order(5500).await;
    let order = harness.order(&order_id).await;
    assert_eq!(order["status"], "pending");
    assert_eq!(keys(&order), ["order", "status", "ticker"], "{order}");
    assert_documented_order(&order);

    harness.verify_phone(&order_id, PHONE).await;
    assert_eq!(harness.order(&order_id).await["status"], "pending");
    let (status, body) = pay(&harness, &order_id, json!({"address": ADDRESS})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let order = harness.order(&order_id).await;
    assert_eq!(order["status"], "authorized");
    assert_eq!(order["required_images"], json!(["Image1", "Image2"]));
    upload_all(&harness, &order_id, &["Image2"]).await;
    assert_eq!(
        harness.order(&order_id).await["required_images"],
        json!(["Image1"])
    );
    upload_all(&harness, &order_id, &["Image1"]).await;

    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    assert_eq!(harness.order(&order_id).await["status"], "in_review");
    let order = decision(&harness, &order_id, "in_review").await;
    assert_eq!(order["status"], "approved");
    assert_eq!(
        keys(&order),
        ["order", "required_images", "status", "ticker"],
        "{order}"
    );
    assert_eq!(order["required_images"], json!([]));
}

#[tokio::test]
async fn a_declined_order_gets_one_string_and_is_approved_after_a_new_image2() {
    let harness = harness().await;
    let order_id = authorized(&harness, 5513).await;
    upload_all(&harness, &order_id, &["Image1", "Image2"]).await;
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);

    let order = decision(&harness, &order_id, "in_review").await;
    assert_eq!(order["status"], "declined");
    let feedback = order["image_feedback"].as_str().expect("one string");
    assert!(
        !feedback.is_empty() && !feedback.contains("Image"),
        "{feedback}"
    );
    assert_eq!(order["required_images"], json!(["Image2"]));

    upload_all(&harness, &order_id, &["Image2"]).await;
    assert_eq!(harness.order(&order_id).await["required_images"], json!([]));
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    let order = decision(&harness, &order_id, "in_review").await;
    assert_eq!(order["status"], "approved");
    assert!(order.get("image_feedback").is_none(), "{order}");
}

#[tokio::test]
async fn errors_are_short_with_null_data() {
    let harness = harness().await;
    let (status, body) = harness.post("orders", r#"{"currency":"bitcoin"}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let message = assert_error(&body);
    assert!(!message.contains("amount is required"), "{message}");

    let (status, body) = harness.get("orders/AAAAAAAAAAAAAAAA").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_error(&body);

    let order_id = authorized(&harness, 5500).await;
    let (status, body) = verify(&harness, &order_id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let message = assert_error(&body);
    assert!(message.contains("Image1, Image2"), "{message}");

    set_fault(&harness, json!("server_error")).await;
    let (status, body) = harness.get("tickers").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_error(&body);
}

#[tokio::test]
async fn the_rate_limit_is_a_cdn_block_page_with_403() {
    let harness = Harness::with(cardcoins_sandbox::SandboxConfig {
        rate_limit_per_minute: 1,
        ..crate::config(Dialect::Terse)
    })
    .await;
    assert_eq!(raw_get(&harness, "tickers").await.0, StatusCode::OK);
    for _ in 0..2 {
        let (status, headers, text) = raw_get(&harness, "tickers").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(
            content_type(&headers).starts_with("text/html"),
            "{headers:?}"
        );
        assert!(serde_json::from_str::<Value>(&text).is_err(), "{text}");
        assert!(text.contains("Access denied"), "{text}");
    }

    let harness = crate::harness(Dialect::Terse).await;
    set_fault(&harness, json!("rate_limited")).await;
    let (status, headers, _) = raw_get(&harness, "tickers").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        content_type(&headers).starts_with("text/html"),
        "{headers:?}"
    );
}

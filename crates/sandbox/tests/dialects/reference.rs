//! `reference`: only documented fields; error messages are the Errors table word for word.

use cardcoins_sandbox::Dialect;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{Harness, ADDRESS, PHONE};
use crate::{
    assert_documented_order, authorized, config, content_type, created_with_phone, decision, keys,
    pay, raw_get, set_fault, upload_all, verify,
};

// Copied from the reference's Errors table.
const TABLE_400: &str = "Bad Request -- The request submitted is malformed or otherwise invalid.";
const TABLE_403: &str =
    "Forbidden -- The request was rejected for one of three reasons: the IP address which submitted the request failed our geolocation check, the submitted request is invalid based on the order state or the method supplied was invalid.";
const TABLE_404: &str =
    "Not Found -- The specified Order ID could not be found. This may be because the order was cancelled or has expired from the system.";
const TABLE_500: &str =
    "Internal Server Error -- We had a problem with our server, please try again later. Please contact support if the issue persists.";
const TABLE_503: &str =
    "Service Temporarily Unavailable -- CardCoins is temporarily offline for maintenance, please try again later. Visit our Twitter account for status updates. If there is no indication of maintenance, please contact us.";

async fn harness() -> Harness {
    crate::harness(Dialect::Reference).await
}

fn assert_only_documented(data: &Value) {
    assert_eq!(keys(data), ["order", "status", "ticker"], "{data}");
    assert_documented_order(data);
}

fn assert_table_error(body: &Value, expected: &str) {
    assert_eq!(body, &json!({"message": expected, "data": {}}));
}

#[tokio::test]
async fn a_whole_order_shows_only_the_documented_fields() {
    let harness = harness().await;
    let order_id = created_with_phone(&harness, 5500).await;
    let order = harness.order(&order_id).await;
    assert_eq!(order["status"], "created");
    assert_only_documented(&order);

    harness.verify_phone(&order_id, PHONE).await;
    assert_only_documented(&harness.order(&order_id).await);
    let (status, body) = pay(&harness, &order_id, json!({"address": ADDRESS})).await;
    assert_eq!(
        (status, body),
        (StatusCode::OK, json!({"message": "", "data": {}}))
    );

    let order = harness.order(&order_id).await;
    assert_eq!(order["status"], "authorized");
    assert_only_documented(&order);
    upload_all(&harness, &order_id, &["Image1", "Image2"]).await;
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    assert_eq!(harness.order(&order_id).await["status"], "processing");
    let order = decision(&harness, &order_id, "processing").await;
    assert_eq!(order["status"], "approved");
    assert_only_documented(&order);
}

#[tokio::test]
async fn a_rejected_order_is_approved_after_a_new_image2() {
    let harness = harness().await;
    let order_id = authorized(&harness, 5513).await;
    upload_all(&harness, &order_id, &["Image1", "Image2"]).await;
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    let order = decision(&harness, &order_id, "processing").await;
    assert_eq!(order["status"], "rejected");
    // No feedback and no list: a client learns only that the photos were refused.
    assert_only_documented(&order);

    upload_all(&harness, &order_id, &["Image2"]).await;
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    let order = decision(&harness, &order_id, "processing").await;
    assert_eq!(order["status"], "approved");
    assert_only_documented(&order);
}

#[tokio::test]
async fn every_error_is_the_errors_table_wording() {
    let harness = harness().await;
    let (status, body) = harness.post("orders", r#"{"currency":"bitcoin"}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_table_error(&body, TABLE_400);

    let (status, body) = harness.get("orders/AAAAAAAAAAAAAAAA").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_table_error(&body, TABLE_404);

    let order_id = created_with_phone(&harness, 5500).await;
    let (status, body) = pay(&harness, &order_id, json!({"address": ADDRESS})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_table_error(&body, TABLE_403);

    let (status, body) = harness
        .post_json("orders", json!({"amount": 5030, "currency": "bitcoin"}))
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_table_error(&body, TABLE_503);

    set_fault(&harness, json!("server_error")).await;
    let (status, body) = harness.get("tickers").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_table_error(&body, TABLE_500);
    set_fault(&harness, json!("maintenance")).await;
    let (status, body) = harness.get("tickers").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_table_error(&body, TABLE_503);
}

#[tokio::test]
async fn image_errors_name_the_image_types_after_the_table_wording() {
    let harness = harness().await;
    let order_id = authorized(&harness, 5500).await;
    let (status, body) = verify(&harness, &order_id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_table_error(&body, &format!("{TABLE_400} Missing: Image1, Image2"));

    let (status, body) = harness
        .presign(&order_id, "GovidImageFront", "id.jpg", 100)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_table_error(&body, &format!("{TABLE_400} Required: Image1, Image2"));
}

#[tokio::test]
async fn the_firewall_blocks_with_an_html_429_and_no_retry_after() {
    let harness = Harness::with(cardcoins_sandbox::SandboxConfig {
        rate_limit_per_minute: 2,
        ..config(Dialect::Reference)
    })
    .await;
    for _ in 0..2 {
        assert_eq!(raw_get(&harness, "tickers").await.0, StatusCode::OK);
    }
    let (status, headers, text) = raw_get(&harness, "tickers").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        content_type(&headers).starts_with("text/html"),
        "{headers:?}"
    );
    assert!(headers.get("retry-after").is_none(), "{headers:?}");
    assert!(text.starts_with("<!DOCTYPE html>"), "{text}");
    assert!(serde_json::from_str::<Value>(&text).is_err());
}

#[tokio::test]
async fn the_rate_limited_fault_is_the_same_firewall_page() {
    let harness = harness().await;
    set_fault(&harness, json!("rate_limited")).await;
    let (status, headers, text) = raw_get(&harness, "tickers").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        content_type(&headers).starts_with("text/html"),
        "{headers:?}"
    );
    assert!(headers.get("retry-after").is_none(), "{headers:?}");
    assert!(text.contains("temporarily blocked"), "{text}");
}

#[tokio::test]
async fn dispatch_goes_only_to_the_phone_associated_with_the_order() {
    let harness = harness().await;
    let order_id = harness.create_order(5500).await;
    let (status, body) = harness.dispatch(&order_id, PHONE).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_table_error(&body, TABLE_400);

    let other = "+15555550100";
    let (status, body) = harness
        .post_json(
            &format!("orders/{order_id}"),
            json!({"phone_number": other}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = harness.dispatch(&order_id, PHONE).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(harness.sandbox.outbox(None).is_empty());

    let (status, body) = harness.dispatch(&order_id, other).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::OK,
            json!({"message": "Verification code has been sent", "data": {}})
        )
    );
    let code = harness.latest_code(other).await;
    let (status, body) = harness
        .post_json(
            &format!("phones/code?order_id={order_id}"),
            json!({"phone_number": other, "verification_code": code}),
        )
        .await;
    assert_eq!(
        (status, body),
        (
            StatusCode::OK,
            json!({"message": "Phone verification successful", "data": {}})
        )
    );
}

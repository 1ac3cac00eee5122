//! Every error class of the reference (400, 403, 404, 500, 503) plus our 429, each with the
//! envelope and a useful message.

mod common;

use std::time::Duration;

use cardcoins_sandbox::SandboxConfig;
use common::{fast_config, invoice, Harness, ADDRESS, PHONE, TESTNET_ADDRESS};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn assert_envelope(body: &Value) {
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert_eq!(body["data"], json!({}), "{body}");
}

#[tokio::test]
async fn bad_create_bodies_are_400_with_a_reason() {
    let harness = Harness::start().await;
    let cases = [
        ("not json", "{amount: 5500", "not valid JSON"),
        ("array", "[1,2]", "wrong type"),
        (
            "missing amount",
            r#"{"currency":"bitcoin"}"#,
            "amount is required",
        ),
        (
            "amount as string",
            r#"{"amount":"5500","currency":"bitcoin"}"#,
            "positive whole number",
        ),
        (
            "zero amount",
            r#"{"amount":0,"currency":"bitcoin"}"#,
            "positive whole number",
        ),
        (
            "negative amount",
            r#"{"amount":-5,"currency":"bitcoin"}"#,
            "positive whole number",
        ),
        (
            "fractional amount",
            r#"{"amount":55.5,"currency":"bitcoin"}"#,
            "positive whole number",
        ),
        (
            "huge amount",
            r#"{"amount":100000000,"currency":"bitcoin"}"#,
            "largest order",
        ),
        (
            "missing currency",
            r#"{"amount":5500}"#,
            "currency is required",
        ),
        (
            "unknown currency",
            r#"{"amount":5500,"currency":"dogecoin"}"#,
            "Unknown currency",
        ),
        (
            "currency as number",
            r#"{"amount":5500,"currency":1}"#,
            "must be a string",
        ),
        (
            "phone as number",
            r#"{"amount":5500,"currency":"bitcoin","phone_number":1}"#,
            "wrong type",
        ),
        (
            "bad phone",
            r#"{"amount":5500,"currency":"bitcoin","phone_number":"555"}"#,
            "E.164",
        ),
    ];
    for (case, body, expected) in cases {
        let (status, answer) = harness.post("orders", body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{case}: {answer}");
        assert_envelope(&answer);
        let message = answer["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{case}: {message}");
    }
}

#[tokio::test]
async fn bad_destinations_are_400() {
    let harness = Harness::start().await;
    let amount_invoice = invoice(Some(1_000_000), Duration::from_secs(3600));
    let expired_invoice = invoice(None, Duration::from_secs(1));
    let cases = [
        json!({"address": TESTNET_ADDRESS}),
        json!({"address": "12c6DSiU4Rq3P4ZxziKxzrL5LmMBrzjrJY"}),
        json!({"address": format!("bitcoin:{ADDRESS}")}),
        json!({"ln_invoice": amount_invoice}),
        json!({"ln_invoice": expired_invoice}),
        json!({"ln_invoice": ADDRESS}),
        json!({"address": "satoshi@example.com"}),
        json!({"address": ADDRESS, "ln_invoice": "satoshi@example.com"}),
    ];
    for destination in cases {
        let mut body = destination.clone();
        body["amount"] = json!(5500);
        body["currency"] = json!("bitcoin");
        let (status, answer) = harness.post_json("orders", body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{destination}: {answer}");
        assert_envelope(&answer);
    }
}

#[tokio::test]
async fn bad_presign_bodies_are_400() {
    let harness = Harness::start().await;
    let order_id = harness
        .authorized_order(5500, PHONE, json!({"address": ADDRESS}))
        .await;
    let cases = [
        (
            "Image1",
            json!({"file_name": "card.gif", "file_size": "50018"}),
            "JPEG or PNG",
        ),
        (
            "Image1",
            json!({"file_size": "50018"}),
            "file_name is required",
        ),
        (
            "Image1",
            json!({"file_name": "card.jpg"}),
            "file_size is required",
        ),
        (
            "Image1",
            json!({"file_name": "card.jpg", "file_size": "6000000"}),
            "largest image",
        ),
        (
            "Image1",
            json!({"file_name": "card.jpg", "file_size": "big"}),
            "whole number",
        ),
        (
            "Image3",
            json!({"file_name": "card.jpg", "file_size": "50018"}),
            "Unknown image type",
        ),
        (
            "GovidImageFront",
            json!({"file_name": "card.jpg", "file_size": "50018"}),
            "not required",
        ),
    ];
    for (slot, body, expected) in cases {
        let (status, answer) = harness
            .post_json(&format!("orders/{order_id}/images/{slot}"), body)
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{slot}: {answer}");
        let message = answer["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{message}");
    }
    // A PNG and a numeric file_size are fine.
    let (status, answer) = harness
        .post_json(
            &format!("orders/{order_id}/images/Image1"),
            json!({"file_name": "card.PNG", "file_size": 50018}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["data"]["fields"]["Content-Type"], "image/png");
}

#[tokio::test]
async fn unknown_orders_are_404_everywhere_without_echoing_the_id() {
    let harness = Harness::start().await;
    let unknown = "NoSuchOrder123";
    let requests = [
        ("GET", format!("orders/{unknown}"), json!(null)),
        ("POST", format!("orders/{unknown}"), json!({})),
        ("POST", format!("orders/{unknown}/payment"), json!({})),
        (
            "POST",
            format!("orders/{unknown}/images/Image1"),
            json!({"file_name": "a.jpg", "file_size": 1}),
        ),
        ("POST", format!("orders/{unknown}/verify"), json!(null)),
        (
            "POST",
            format!("phones?order_id={unknown}"),
            json!({"phone_number": PHONE, "recaptcha_response": "x"}),
        ),
        (
            "POST",
            format!("phones/code?order_id={unknown}"),
            json!({"phone_number": PHONE, "verification_code": "1"}),
        ),
    ];
    for (method, path, body) in requests {
        let (status, answer) = if method == "GET" {
            harness.get(&path).await
        } else if body.is_null() {
            harness.post(&path, "").await
        } else {
            harness.post_json(&path, body).await
        };
        assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}: {answer}");
        assert_envelope(&answer);
        assert!(!answer["message"]
            .as_str()
            .unwrap_or_default()
            .contains(unknown));
    }
}

#[tokio::test]
async fn phones_without_order_id_are_400() {
    let harness = Harness::start().await;
    let (status, body) = harness
        .post_json("phones", json!({"phone_number": PHONE}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["message"]
        .as_str()
        .is_some_and(|m| m.contains("order_id")));
}

#[tokio::test]
async fn a_wrong_method_is_403_and_an_unknown_path_404() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(5500).await;
    let wrong = [
        harness.http.get(harness.url("orders")),
        harness.http.post(harness.url("tickers")),
        harness
            .http
            .delete(harness.url(&format!("orders/{order_id}"))),
        harness
            .http
            .put(harness.url(&format!("orders/{order_id}/payment"))),
        harness
            .http
            .get(harness.url(&format!("orders/{order_id}/verify"))),
        harness.http.get(harness.url("phones")),
    ];
    for request in wrong {
        let (status, body) = common::into_json(request.send().await.expect("sent")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        assert_envelope(&body);
    }
    let (status, body) = harness.get("nothing/here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_envelope(&body);
}

#[tokio::test]
async fn exactly_5030_cents_answers_503_maintenance() {
    let harness = Harness::start().await;
    let (status, body) = harness
        .post_json("orders", json!({"amount": 5030, "currency": "bitcoin"}))
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_envelope(&body);
    assert!(body["message"]
        .as_str()
        .is_some_and(|m| m.contains("maintenance")));
    let (status, _) = harness
        .post_json("orders", json!({"amount": 5031, "currency": "bitcoin"}))
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn over_the_rate_limit_an_ip_is_blocked_for_a_while() {
    let harness = Harness::with(SandboxConfig {
        rate_limit_per_minute: 5,
        rate_limit_block: Duration::from_secs(1),
        ..fast_config()
    })
    .await;
    for _ in 0..5 {
        assert_eq!(harness.get("tickers").await.0, StatusCode::OK);
    }
    let response = harness
        .http
        .get(harness.url("tickers"))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("1")
    );
    let (_, body) = common::into_json(response).await;
    assert_envelope(&body);
    // Blocked means blocked, whatever the endpoint.
    assert_eq!(
        harness.get("orders/whatever").await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    harness.clock.advance(Duration::from_millis(999));
    assert_eq!(
        harness.get("tickers").await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    harness.clock.advance(Duration::from_millis(1));
    assert_eq!(harness.get("tickers").await.0, StatusCode::OK);
}

#[tokio::test]
async fn the_default_budget_allows_polling_once_a_second_for_minutes() {
    let harness = Harness::start().await;
    // 600 a minute: a burst of 300 (five minutes of one-per-second polling) passes.
    for _ in 0..300 {
        assert_eq!(harness.get("tickers").await.0, StatusCode::OK);
    }
}

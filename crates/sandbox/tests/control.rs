//! The practice captcha pages and the handle's addresses.

mod common;

use common::Harness;
use reqwest::StatusCode;

#[tokio::test]
async fn the_practice_captcha_page_ends_on_the_sentinel_url() {
    let harness = Harness::start().await;
    let page_url = harness.sandbox.captcha_page_url();
    assert_eq!(page_url.path(), "/sandbox/captcha");
    let response = harness
        .http
        .get(page_url.as_str())
        .send()
        .await
        .expect("page");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html")));
    let html = response.text().await.expect("html");
    assert!(html.contains("I'm not a robot"));
    assert!(html.contains("type=\"checkbox\""));
    assert!(html.contains("/sandbox/captcha/token"));
    assert!(html.contains("/sandbox/captcha/done?token="));

    let done = harness
        .http
        .get(format!(
            "{}/sandbox/captcha/done?token=abc",
            harness.origin()
        ))
        .send()
        .await
        .expect("done page");
    assert_eq!(done.status(), StatusCode::OK);
    assert!(done
        .text()
        .await
        .expect("html")
        .contains("close this window"));
}

#[tokio::test]
async fn the_handle_reports_loopback_urls() {
    let harness = Harness::start().await;
    let base = harness.sandbox.api_base_url();
    assert_eq!(base.scheme(), "http");
    assert_eq!(base.host_str(), Some("127.0.0.1"));
    assert_eq!(base.path(), "/v2");
    assert_eq!(base.port(), Some(harness.sandbox.local_addr().port()));
}

#[tokio::test]
async fn captcha_tokens_from_the_page_endpoint_are_distinct() {
    let harness = Harness::start().await;
    let first = harness.captcha_token().await;
    let second = harness.captcha_token().await;
    assert_ne!(first, second);
    assert!(first.len() >= 20);
}

#[tokio::test]
async fn orders_for_an_amount_can_be_ended_early() {
    let harness = Harness::start().await;
    let ended = harness.create_order(4400).await;
    let kept = harness.create_order(5500).await;
    let (status, answer) = harness
        .set_control("orders/expire", r#"{"amount_cents": 4400}"#)
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["expired"], 1);
    let (status, _) = harness.get(&format!("orders/{ended}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    harness.order(&kept).await;
    let (status, _) = harness.set_control("orders/expire", "{}").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

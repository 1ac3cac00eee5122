//! Fault injection, from the handle and over HTTP.

mod common;

use std::time::Duration;

use cardcoins_sandbox::Fault;
use common::Harness;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn maintenance_server_error_and_rate_limited_apply_to_every_v2_request() {
    let harness = Harness::start().await;
    let cases = [
        (Fault::Maintenance, StatusCode::SERVICE_UNAVAILABLE),
        (Fault::ServerError, StatusCode::INTERNAL_SERVER_ERROR),
        (Fault::RateLimited, StatusCode::TOO_MANY_REQUESTS),
    ];
    for (fault, expected) in cases {
        harness.sandbox.set_fault(Some(fault));
        for path in ["tickers", "orders/abc"] {
            let (status, body) = harness.get(path).await;
            assert_eq!(status, expected, "{fault:?} {path}");
            assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
            assert_eq!(body["data"], json!({}));
        }
    }
    let response = harness
        .http
        .get(harness.url("tickers"))
        .send()
        .await
        .expect("sent");
    assert!(response.headers().contains_key("retry-after"));
    harness.sandbox.set_fault(None);
    assert_eq!(harness.get("tickers").await.0, StatusCode::OK);
}

#[tokio::test]
async fn timeout_hangs_longer_than_a_client_waits() {
    let harness = Harness::start().await;
    harness.sandbox.set_fault(Some(Fault::Timeout));
    let error = harness
        .http
        .get(harness.url("tickers"))
        .timeout(Duration::from_millis(500))
        .send()
        .await
        .expect_err("the request must time out");
    assert!(error.is_timeout(), "{error}");
    harness.sandbox.set_fault(None);
    assert_eq!(harness.get("tickers").await.0, StatusCode::OK);
    // Shutdown does not wait ten minutes for the hung request.
    tokio::time::timeout(Duration::from_secs(5), harness.sandbox.shutdown())
        .await
        .expect("shutdown ends promptly");
}

#[tokio::test]
async fn cut_mid_response_sends_headers_then_drops_the_connection() {
    let harness = Harness::start().await;
    harness.sandbox.set_fault(Some(Fault::CutMidResponse));
    let response = harness
        .http
        .get(harness.url("tickers"))
        .send()
        .await
        .expect("headers arrive");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.is_err(), "the body must fail mid-way");
}

#[tokio::test]
async fn faults_can_be_set_over_http() {
    let harness = Harness::start().await;
    assert_eq!(
        harness.set_control("faults", r#""maintenance""#).await.0,
        StatusCode::OK
    );
    assert_eq!(
        harness.get("tickers").await.0,
        StatusCode::SERVICE_UNAVAILABLE
    );
    let current = harness.control("faults").await;
    assert_eq!(current["fault"], "maintenance");
    assert_eq!(
        harness
            .set_control("faults", r#"{"clock_skew": -30}"#)
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(harness.get("tickers").await.0, StatusCode::OK);
    assert_eq!(
        harness.set_control("faults", "null").await.0,
        StatusCode::OK
    );
    assert_eq!(
        harness.set_control("faults", r#""earthquake""#).await.0,
        StatusCode::BAD_REQUEST
    );
    // The control endpoints themselves are never faulted.
    harness.sandbox.set_fault(Some(Fault::Maintenance));
    let response = harness
        .http
        .post(format!("{}/sandbox/captcha/token", harness.origin()))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
}

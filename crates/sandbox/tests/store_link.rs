//! The image store's slow uplink, when it holds an upload to the policy's expiration, the
//! Content-Length it requires, and the one-shot close_early fault, all over real HTTP.

mod common;

use std::time::{Duration, Instant};

use cardcoins_sandbox::{ExpiryCheck, Fault, SandboxConfig, Uplink};
use common::{fast_config, s3_answer, s3_post, Harness, S3Form, ADDRESS, JPEG, PHONE};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A JPEG's first bytes, padded to `size`.
fn photo(size: usize) -> Vec<u8> {
    let mut content = JPEG.to_vec();
    content.resize(size, 0x5a);
    content
}

fn rate(text: &str) -> Uplink {
    text.parse()
        .unwrap_or_else(|error| panic!("{text}: {error}"))
}

fn slow(check: ExpiryCheck) -> SandboxConfig {
    SandboxConfig {
        uplink: Some(rate("256kbit")),
        expiry_check: check,
        ..fast_config()
    }
}

async fn authorized(harness: &Harness) -> String {
    harness
        .authorized_order(5500, PHONE, json!({"address": ADDRESS}))
        .await
}

async fn presigned(harness: &Harness, order_id: &str, slot: &str, size: usize) -> Value {
    let (status, body) = harness.presign(order_id, slot, "card.jpg", size).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["data"].clone()
}

async fn uploaded(harness: &Harness, order_id: &str, index: usize) -> Value {
    harness.order(order_id).await["required_images"][index]["uploaded"].clone()
}

/// Starts an upload in the background and, while its body is still arriving (64 KB at
/// 256 kbit/s is about 2 s), moves the sandbox's clock `by` (past the policy's 15 seconds).
async fn upload_while_the_policy_expires(
    harness: &Harness,
    presign: &Value,
    by: Duration,
) -> (StatusCode, String) {
    let http = harness.http.clone();
    let presign = presign.clone();
    let started = Instant::now();
    let upload =
        tokio::spawn(
            async move { s3_answer(s3_post(&http, &presign, &photo(64_000)).await).await },
        );
    tokio::time::sleep(Duration::from_millis(600)).await;
    harness.clock.advance(by);
    let answer = upload.await.expect("upload task");
    assert!(
        started.elapsed() >= Duration::from_millis(1500),
        "the body must still have been arriving when the clock moved: {:?}",
        started.elapsed()
    );
    answer
}

#[tokio::test]
async fn the_uplink_set_over_http_slows_the_store_not_the_api() {
    let harness = Harness::start().await;
    let current = harness.control("uplink").await;
    assert_eq!(current, json!({"uplink": null}));
    assert_eq!(
        harness.set_control("uplink", r#""1mbit""#).await.0,
        StatusCode::OK
    );
    assert_eq!(harness.sandbox.uplink(), Some(rate("1mbit")));
    let (status, why) = harness.set_control("uplink", r#""fast""#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        why["message"]
            .as_str()
            .is_some_and(|m| m.contains("kbit or mbit")),
        "{why}"
    );

    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id, "Image1", 250_000).await;
    let started = Instant::now();
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, &photo(250_000)).await).await;
    let took = started.elapsed();
    assert_eq!(status, StatusCode::CREATED, "{xml}");
    // 250 KB at 125,000 bytes a second: about 2 s.
    assert!(took >= Duration::from_millis(1600), "{took:?}");
    assert_eq!(uploaded(&harness, &order_id, 0).await, true);

    assert_eq!(
        harness.set_control("uplink", "null").await.0,
        StatusCode::OK
    );
    let current = harness.control("uplink").await;
    assert_eq!(current, json!({"uplink": null}));
}

#[tokio::test]
async fn at_arrival_an_upload_still_arriving_at_expiry_is_stored() {
    let harness = Harness::with(slow(ExpiryCheck::AtArrival)).await;
    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id, "Image1", 64_000).await;
    // Long past the expiry: the store keeps the key for an upload that arrived in time.
    let by = Duration::from_secs(300);
    let (status, xml) = upload_while_the_policy_expires(&harness, &presign, by).await;
    assert_eq!(status, StatusCode::CREATED, "{xml}");
    assert_eq!(uploaded(&harness, &order_id, 0).await, true);
}

#[tokio::test]
async fn at_arrival_an_upload_that_arrives_after_expiry_gets_a_403() {
    let harness = Harness::with(slow(ExpiryCheck::AtArrival)).await;
    let order_id = authorized(&harness).await;

    // Expired on the computer's clock as well: s3s refuses after the fields, with most of the
    // body still to come, and the answer still reaches the client.
    harness.sandbox.set_fault(Some(Fault::PresignExpired));
    let presign = presigned(&harness, &order_id, "Image1", 64_000).await;
    harness.sandbox.set_fault(None);
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, &photo(64_000)).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
    assert!(xml.contains("<Code>AccessDenied</Code>"), "{xml}");

    // Expired on the sandbox's clock only: post_object refuses once s3s has read the file.
    let presign = presigned(&harness, &order_id, "Image2", 32_000).await;
    harness.clock.advance(Duration::from_secs(16));
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, &photo(32_000)).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
    assert!(xml.contains("<Code>AccessDenied</Code>"), "{xml}");
    assert!(xml.contains("Request has expired"), "{xml}");

    assert_eq!(uploaded(&harness, &order_id, 0).await, false);
    assert_eq!(uploaded(&harness, &order_id, 1).await, false);
}

#[tokio::test]
async fn end_of_body_refuses_an_upload_still_arriving_at_expiry() {
    let harness = Harness::with(slow(ExpiryCheck::AtArrival)).await;
    assert_eq!(
        harness
            .set_control("expiry_check", r#""end_of_body""#)
            .await
            .0,
        StatusCode::OK
    );
    let current = harness.control("expiry_check").await;
    assert_eq!(current, json!({"expiry_check": "end_of_body"}));
    assert_eq!(harness.sandbox.expiry_check(), ExpiryCheck::EndOfBody);
    assert_eq!(
        harness.set_control("expiry_check", r#""later""#).await.0,
        StatusCode::BAD_REQUEST
    );

    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id, "Image1", 64_000).await;
    let by = Duration::from_secs(16);
    let (status, xml) = upload_while_the_policy_expires(&harness, &presign, by).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
    assert!(xml.contains("<Code>AccessDenied</Code>"), "{xml}");
    assert_eq!(uploaded(&harness, &order_id, 0).await, false);

    // One that ends in time is stored.
    let presign = presigned(&harness, &order_id, "Image1", JPEG.len()).await;
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, JPEG).await).await;
    assert_eq!(status, StatusCode::CREATED, "{xml}");
}

/// The presigned form by hand, so it can go chunked or with a length.
fn form_body(presign: &Value, content: &[u8]) -> (String, Vec<u8>) {
    let boundary = "sandbox-test-boundary-7d1f";
    let form = S3Form::from_presign(presign);
    let mut body = Vec::new();
    for (name, value) in &form.fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"card.jpg\"\r\nContent-Type: {}\r\n\r\n",
            form.content_type
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn a_post_without_content_length_gets_411() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id, "Image1", JPEG.len()).await;
    let url = presign["url"].as_str().expect("url").to_string();
    let (content_type, body) = form_body(&presign, JPEG);

    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        body.chunks(100).map(|chunk| Ok(chunk.to_vec())).collect();
    let response = harness
        .http
        .post(&url)
        .header("content-type", &content_type)
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .expect("sent");
    let (status, xml) = s3_answer(response).await;
    assert_eq!(status, StatusCode::LENGTH_REQUIRED, "{xml}");
    assert!(xml.contains("<Code>MissingContentLength</Code>"), "{xml}");
    assert!(
        xml.contains("<Message>You must provide the Content-Length HTTP header.</Message>"),
        "{xml}"
    );
    assert_eq!(uploaded(&harness, &order_id, 0).await, false);

    // The same form with its length is stored.
    let response = harness
        .http
        .post(&url)
        .header("content-type", &content_type)
        .body(body)
        .send()
        .await
        .expect("sent");
    let (status, xml) = s3_answer(response).await;
    assert_eq!(status, StatusCode::CREATED, "{xml}");
}

#[tokio::test]
async fn close_early_breaks_the_next_uploads_then_clears_itself() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    assert_eq!(
        harness
            .set_control("faults", r#"{"close_early": 2}"#)
            .await
            .0,
        StatusCode::OK
    );

    for left in [Some(Fault::CloseEarly(1)), None] {
        // The API itself is healthy: the presign works.
        let presign = presigned(&harness, &order_id, "Image1", 64_000).await;
        let result = S3Form::from_presign(&presign)
            .try_send(&harness.http, &photo(64_000))
            .await;
        let error = result.expect_err("the connection must close with no answer");
        assert!(!error.is_status(), "{error}");
        assert_eq!(harness.sandbox.fault(), left);
        assert_eq!(uploaded(&harness, &order_id, 0).await, false);
    }
    let current = harness.control("faults").await;
    assert_eq!(current, json!({"fault": null}));

    let presign = presigned(&harness, &order_id, "Image1", 64_000).await;
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, &photo(64_000)).await).await;
    assert_eq!(status, StatusCode::CREATED, "{xml}");
    assert_eq!(uploaded(&harness, &order_id, 0).await, true);
}

#[tokio::test]
async fn a_refusal_after_the_fields_reaches_a_client_still_sending() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    harness.sandbox.set_fault(Some(Fault::PresignExpired));
    let presign = presigned(&harness, &order_id, "Image1", 5_000_000).await;
    harness.sandbox.set_fault(None);
    // s3s refuses the expired policy before the file; 5 MB is more than the sockets hold, so
    // the client is still sending when the answer is ready.
    for _ in 0..3 {
        let response = S3Form::from_presign(&presign)
            .try_send(&harness.http, &photo(5_000_000))
            .await
            .expect("an answer, not a broken connection");
        let (status, xml) = s3_answer(response).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
        assert!(xml.contains("<Code>AccessDenied</Code>"), "{xml}");
    }
}

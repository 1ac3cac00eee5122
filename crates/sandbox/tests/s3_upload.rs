//! The S3 POST Object endpoint checks the signature and every policy condition, as S3 does.

mod common;

use std::time::Duration;

use cardcoins_sandbox::{Fault, SandboxConfig};
use common::{fast_config, s3_answer, s3_post, Harness, S3Form, ADDRESS, JPEG, PHONE};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn authorized(harness: &Harness) -> String {
    harness
        .authorized_order(5500, PHONE, json!({"address": ADDRESS}))
        .await
}

async fn presigned(harness: &Harness, order_id: &str) -> Value {
    let (status, body) = harness
        .presign(order_id, "Image1", "card.jpg", JPEG.len())
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["data"].clone()
}

#[tokio::test]
async fn an_upload_within_the_policy_is_stored_and_answered_with_post_response() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id).await;
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, JPEG).await).await;
    assert_eq!(status, StatusCode::CREATED, "{xml}");
    // ETag is the MD5 of the content, as S3 computes it for a single-part upload.
    assert!(xml.contains("<ETag>"), "{xml}");
    let order = harness.order(&order_id).await;
    assert_eq!(order["required_images"][0]["image_type"], "Image1");
    assert_eq!(order["required_images"][0]["uploaded"], true);
    assert_eq!(order["required_images"][1]["uploaded"], false);
}

#[tokio::test]
async fn an_upload_after_the_policy_expired_is_refused() {
    let harness = Harness::with(SandboxConfig {
        presign_ttl: Duration::from_secs(1),
        ..fast_config()
    })
    .await;
    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id).await;
    harness.clock.advance(Duration::from_millis(1500));
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, JPEG).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
    assert!(xml.contains("<Code>AccessDenied</Code>"), "{xml}");
    assert_eq!(
        harness.order(&order_id).await["required_images"][0]["uploaded"],
        false
    );
}

/// With the real 15 s lifetime: fine after 14 s, refused 16 s later.
#[tokio::test]
async fn the_default_policy_lives_15_seconds() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    let late = presigned(&harness, &order_id).await;
    let policy = late["fields"]["Policy"].as_str().expect("policy");
    let document = base64_decode(policy);
    let expiration = document["expiration"].as_str().expect("expiration");
    let date = late["fields"]["X-Amz-Date"].as_str().expect("date");
    assert_eq!(
        seconds_of_day(expiration) - seconds_of_day_amz(date),
        15,
        "{expiration} vs {date}"
    );
    let (status, in_time) = harness
        .presign(&order_id, "Image2", "card.jpg", JPEG.len())
        .await;
    assert_eq!(status, StatusCode::OK, "{in_time}");
    harness.clock.advance(Duration::from_secs(14));
    let (status, xml) = s3_answer(s3_post(&harness.http, &in_time["data"], JPEG).await).await;
    assert_eq!(status, StatusCode::CREATED, "{xml}");
    harness.clock.advance(Duration::from_secs(2));
    let (status, xml) = s3_answer(s3_post(&harness.http, &late, JPEG).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
    assert!(xml.contains("AccessDenied"), "{xml}");
    assert!(xml.contains("Request has expired"), "{xml}");
}

#[tokio::test]
async fn a_6_mb_upload_is_refused_as_entity_too_large() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id).await;
    let mut big = JPEG.to_vec();
    big.resize(6 * 1024 * 1024, 0);
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, &big).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{xml}");
    assert!(xml.contains("<Code>EntityTooLarge</Code>"), "{xml}");
}

#[tokio::test]
async fn a_tampered_signature_is_refused() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id).await;
    let signature = presign["fields"]["X-Amz-Signature"]
        .as_str()
        .expect("signature");
    let flipped: String = signature
        .chars()
        .enumerate()
        .map(|(index, c)| {
            if index == 0 {
                if c == '0' {
                    '1'
                } else {
                    '0'
                }
            } else {
                c
            }
        })
        .collect();
    let form = S3Form::from_presign(&presign).set("X-Amz-Signature", &flipped);
    let (status, xml) = s3_answer(form.send(&harness.http, JPEG).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
    assert!(xml.contains("<Code>SignatureDoesNotMatch</Code>"), "{xml}");
}

#[tokio::test]
async fn a_policy_rewritten_by_the_client_fails_the_signature() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id).await;
    let policy = presign["fields"]["Policy"].as_str().expect("policy");
    let mut document = base64_decode(policy);
    document["conditions"][5] = json!(["content-length-range", 1, 50 * 1024 * 1024]);
    let forged = base64_encode(&document.to_string());
    let form = S3Form::from_presign(&presign).set("Policy", &forged);
    let (status, xml) = s3_answer(form.send(&harness.http, JPEG).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
    assert!(xml.contains("SignatureDoesNotMatch"), "{xml}");
}

#[tokio::test]
async fn an_extra_field_is_refused() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id).await;
    let form = S3Form::from_presign(&presign).set("x-amz-meta-note", "hello");
    let (status, xml) = s3_answer(form.send(&harness.http, JPEG).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
    assert!(xml.contains("AccessDenied"), "{xml}");
}

#[tokio::test]
async fn missing_or_changed_fields_fail_the_policy() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id).await;
    let key = presign["fields"]["key"].as_str().expect("key").to_string();
    let other_key = format!("{}_Image2", &key[..64]);
    // s3s answers a failed condition with 400 InvalidPolicyDocument (S3 itself says 403
    // AccessDenied "Policy Condition failed"); either way the upload is refused and names the field.
    let bad_request = StatusCode::BAD_REQUEST;
    let cases = [
        (
            "acl missing",
            S3Form::from_presign(&presign).remove("acl"),
            bad_request,
            "InvalidPolicyDocument",
        ),
        (
            "acl public",
            S3Form::from_presign(&presign).set("acl", "public-read"),
            bad_request,
            "InvalidPolicyDocument",
        ),
        (
            "png",
            S3Form::from_presign(&presign).set("Content-Type", "image/png"),
            bad_request,
            "InvalidPolicyDocument",
        ),
        (
            "another key",
            S3Form::from_presign(&presign).set("key", &other_key),
            bad_request,
            "InvalidPolicyDocument",
        ),
        (
            "status 200",
            S3Form::from_presign(&presign).set("success_action_status", "200"),
            bad_request,
            "InvalidPolicyDocument",
        ),
        (
            "no signature",
            S3Form::from_presign(&presign).remove("X-Amz-Signature"),
            StatusCode::FORBIDDEN,
            "AccessDenied",
        ),
        (
            "no policy",
            S3Form::from_presign(&presign).remove("Policy"),
            bad_request,
            "InvalidRequest",
        ),
    ];
    for (case, form, expected_status, expected_code) in cases {
        let (status, xml) = s3_answer(form.send(&harness.http, JPEG).await).await;
        assert_eq!(status, expected_status, "{case}: {xml}");
        assert!(
            xml.contains(&format!("<Code>{expected_code}</Code>")),
            "{case}: {xml}"
        );
    }
    assert_eq!(
        harness.order(&order_id).await["required_images"][0]["uploaded"],
        false
    );
}

#[tokio::test]
async fn an_empty_file_is_too_small() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    let presign = presigned(&harness, &order_id).await;
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, b"").await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{xml}");
    assert!(xml.contains("EntityTooSmall"), "{xml}");
}

#[tokio::test]
async fn fault_presign_expired_issues_dead_policies() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;
    harness.sandbox.set_fault(Some(Fault::PresignExpired));
    let presign = presigned(&harness, &order_id).await;
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, JPEG).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
    assert!(xml.contains("AccessDenied"), "{xml}");
    harness.sandbox.set_fault(None);
    let presign = presigned(&harness, &order_id).await;
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, JPEG).await).await;
    assert_eq!(status, StatusCode::CREATED, "{xml}");
}

#[tokio::test]
async fn fault_clock_skew_moves_the_api_clock_but_not_s3s() {
    let harness = Harness::start().await;
    let order_id = authorized(&harness).await;

    // 30 s slow: the 15 s policy is already over by S3's clock.
    harness.sandbox.set_fault(Some(Fault::ClockSkew(-30)));
    let presign = presigned(&harness, &order_id).await;
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, JPEG).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");

    // 20 minutes fast: the request date is further from S3's clock than S3 allows.
    harness.sandbox.set_fault(Some(Fault::ClockSkew(1200)));
    let presign = presigned(&harness, &order_id).await;
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, JPEG).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{xml}");
    assert!(xml.contains("RequestTimeTooSkewed"), "{xml}");

    // 5 s fast is within tolerance.
    harness.sandbox.set_fault(Some(Fault::ClockSkew(5)));
    let presign = presigned(&harness, &order_id).await;
    let (status, xml) = s3_answer(s3_post(&harness.http, &presign, JPEG).await).await;
    assert_eq!(status, StatusCode::CREATED, "{xml}");
}

fn base64_decode(text: &str) -> Value {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text)
        .expect("base64");
    serde_json::from_slice(&bytes).expect("policy json")
}

fn base64_encode(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// "2026-11-24T17:28:31.741Z" -> seconds since midnight (tests never run across midnight by more than 15 s).
fn seconds_of_day(iso: &str) -> i64 {
    let hms = &iso[11..19];
    hms.split(':').fold(0, |total, part| {
        total * 60 + part.parse::<i64>().expect("number")
    })
}

/// "20261124T172816Z" -> seconds since midnight.
fn seconds_of_day_amz(amz: &str) -> i64 {
    let hms = &amz[9..15];
    (0..3).fold(0, |total, index| {
        total * 60
            + hms[index * 2..index * 2 + 2]
                .parse::<i64>()
                .expect("number")
    })
}

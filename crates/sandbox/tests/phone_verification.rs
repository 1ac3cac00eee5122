//! Codes, the outbox, wrong-code counting, the captcha and the geolocation magic number.

mod common;

use common::{Harness, PHONE};
use reqwest::StatusCode;
use serde_json::json;

async fn submit(
    harness: &Harness,
    order_id: &str,
    code: &str,
    captcha: Option<&str>,
) -> (StatusCode, serde_json::Value) {
    let mut body = json!({"phone_number": PHONE, "verification_code": code});
    if let Some(token) = captcha {
        body["recaptcha_response"] = json!(token);
    }
    harness
        .post_json(&format!("phones/code?order_id={order_id}"), body)
        .await
}

fn wrong(code: &str) -> String {
    let last = code
        .chars()
        .last()
        .and_then(|c| c.to_digit(10))
        .unwrap_or(0);
    format!("{}{}", &code[..code.len() - 1], (last + 1) % 10)
}

#[tokio::test]
async fn codes_are_six_digits_in_the_outbox_and_sms_unless_call() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(5500).await;
    assert_eq!(harness.dispatch(&order_id, PHONE).await.0, StatusCode::OK);
    let messages = harness.sandbox.outbox(Some(PHONE));
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].code.len(), 6);
    assert!(messages[0].code.chars().all(|c| c.is_ascii_digit()));
    assert_eq!(messages[0].channel, cardcoins_sandbox::Channel::Sms);
    assert_eq!(messages[0].phone, PHONE);
    assert!(harness.sandbox.outbox(Some("+15555550100")).is_empty());
    assert_eq!(harness.sandbox.outbox(None).len(), 1);

    // The outbox over HTTP, with the + left unencoded as a person types it.
    let url = format!("{}/sandbox/outbox?phone={PHONE}", harness.origin());
    let listed: serde_json::Value = harness
        .http
        .get(url)
        .send()
        .await
        .expect("outbox")
        .json()
        .await
        .expect("json");
    assert_eq!(listed[0]["code"], messages[0].code.as_str());
    assert_eq!(listed[0]["channel"], "sms");

    let token = harness.captcha_token().await;
    let (status, _) = harness
        .post_json(
            &format!("phones?order_id={order_id}"),
            json!({"phone_number": PHONE, "call": true, "recaptcha_response": token}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        harness.sandbox.outbox(Some(PHONE))[1].channel,
        cardcoins_sandbox::Channel::Call
    );
}

#[tokio::test]
async fn a_resent_code_replaces_the_old_one() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(5500).await;
    harness.dispatch(&order_id, PHONE).await;
    let first = harness.latest_code(PHONE).await;
    harness.dispatch(&order_id, PHONE).await;
    let second = harness.latest_code(PHONE).await;
    if first != second {
        assert_eq!(
            submit(&harness, &order_id, &first, None).await.0,
            StatusCode::BAD_REQUEST
        );
    }
    assert_eq!(
        submit(&harness, &order_id, &second, None).await.0,
        StatusCode::OK
    );
    assert_eq!(harness.order(&order_id).await["phone_verified"], true);
}

#[tokio::test]
async fn after_three_wrong_codes_a_captcha_must_come_with_the_code() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(5500).await;
    harness.dispatch(&order_id, PHONE).await;
    let code = harness.latest_code(PHONE).await;
    let bad = wrong(&code);
    for attempt in 1..=3 {
        let (status, body) = submit(&harness, &order_id, &bad, None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "attempt {attempt}: {body}");
        assert!(
            body["message"]
                .as_str()
                .is_some_and(|m| m.contains("wrong")),
            "{body}"
        );
    }
    // Even the right code now needs a captcha answer.
    let (status, body) = submit(&harness, &order_id, &code, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("recaptcha_response")),
        "{body}"
    );
    let (status, _) = submit(&harness, &order_id, &code, Some("made-up-token")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // A wrong code with a captcha uses up that captcha.
    let token = harness.sandbox.issue_captcha_token();
    assert_eq!(
        submit(&harness, &order_id, &bad, Some(&token)).await.0,
        StatusCode::BAD_REQUEST
    );
    let (status, body) = submit(&harness, &order_id, &code, Some(&token)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("already used")),
        "{body}"
    );

    let token = harness.sandbox.issue_captcha_token();
    let (status, body) = submit(&harness, &order_id, &code, Some(&token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn dispatch_needs_a_valid_unused_captcha_token() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(5500).await;
    let path = format!("phones?order_id={order_id}");
    let (status, body) = harness
        .post_json(&path, json!({"phone_number": PHONE}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("recaptcha_response")),
        "{body}"
    );
    let (status, _) = harness
        .post_json(
            &path,
            json!({"phone_number": PHONE, "recaptcha_response": "1234"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let token = harness.sandbox.issue_captcha_token();
    let body = json!({"phone_number": PHONE, "recaptcha_response": token});
    assert_eq!(
        harness.post_json(&path, body.clone()).await.0,
        StatusCode::OK
    );
    let (status, answer) = harness.post_json(&path, body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(answer["message"]
        .as_str()
        .is_some_and(|m| m.contains("already used")));
    assert_eq!(harness.sandbox.outbox(Some(PHONE)).len(), 1);
}

#[tokio::test]
async fn a_phone_ending_in_0403_fails_the_geolocation_check() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(5500).await;
    let (status, body) = harness.dispatch(&order_id, "+15555550403").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("geolocation")),
        "{body}"
    );
    assert!(harness.sandbox.outbox(None).is_empty());
}

#[tokio::test]
async fn malformed_phone_numbers_are_refused() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(5500).await;
    for phone in ["1231231234", "+1 (123) 123-1234", "call me"] {
        let (status, body) = harness.dispatch(&order_id, phone).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{phone}");
        assert!(body["message"]
            .as_str()
            .is_some_and(|m| m.contains("E.164")));
    }
}

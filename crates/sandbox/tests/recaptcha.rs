//! The practice reCAPTCHA: its script, its token endpoint's CORS, and tokens that count only for
//! the registered site key and hostname.

mod common;

use common::{fast_config, Harness, PHONE};
use reqwest::{header, StatusCode};
use serde_json::{json, Value};

const REGISTERED_ORIGIN: &str = "https://desktop.cardcoins.invalid";

impl Harness {
    fn token_url(&self) -> String {
        format!("{}/sandbox/recaptcha/token", self.origin())
    }

    /// A token as the practice widget gets one: the page's origin in `Origin`.
    async fn solved_on(&self, origin: &str, site_key: &str) -> reqwest::Response {
        self.http
            .post(self.token_url())
            .header(header::ORIGIN, origin)
            .json(&json!({"sitekey": site_key}))
            .send()
            .await
            .expect("token request")
    }

    async fn token_solved_on(&self, origin: &str, site_key: &str) -> String {
        let response = self.solved_on(origin, site_key).await;
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["expires_in"], 120);
        body["token"].as_str().expect("token").to_string()
    }
}

#[tokio::test]
async fn the_handle_names_the_practice_values() {
    let harness = Harness::start().await;
    assert_eq!(
        harness.sandbox.recaptcha_site_key(),
        "cardcoins-sandbox-practice-site-key"
    );
    assert_eq!(
        harness.sandbox.captcha_hostname(),
        "desktop.cardcoins.invalid"
    );
    let script = harness.sandbox.recaptcha_script_url();
    assert_eq!(script.path(), "/sandbox/recaptcha/api.js");
    assert_eq!(script.host_str(), Some("127.0.0.1"));
}

#[tokio::test]
async fn the_practice_script_is_javascript_with_the_api_the_page_uses() {
    let harness = Harness::start().await;
    let response = harness
        .http
        .get(harness.sandbox.recaptcha_script_url())
        .send()
        .await
        .expect("script");
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()[header::CONTENT_TYPE]
        .to_str()
        .expect("text")
        .to_string();
    assert_eq!(content_type, "text/javascript; charset=utf-8");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let script = response.text().await.expect("body");
    for part in [
        "window.grecaptcha",
        "render:",
        "getResponse:",
        "reset:",
        "'expired-callback'",
        "'error-callback'",
        "searchParams.get('onload')",
        "/sandbox/recaptcha/token",
    ] {
        assert!(script.contains(part), "the script lacks {part}");
    }
}

#[tokio::test]
async fn only_the_registered_origin_may_read_the_token_endpoint() {
    let harness = Harness::start().await;
    let preflight = |origin: &'static str| {
        harness
            .http
            .request(reqwest::Method::OPTIONS, harness.token_url())
            .header(header::ORIGIN, origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    // The app runs the practice page over http (see the CORS answer's comment); both count.
    for registered in [REGISTERED_ORIGIN, "http://desktop.cardcoins.invalid"] {
        let allowed = preflight(registered).await.expect("preflight");
        assert!(allowed.status().is_success(), "{}", allowed.status());
        let headers = allowed.headers();
        assert_eq!(headers["access-control-allow-origin"], registered);
        assert_eq!(headers["access-control-allow-methods"], "POST");
        assert_eq!(headers["access-control-allow-headers"], "content-type");
        assert_eq!(headers[header::VARY], "Origin");
    }

    for other in [
        "https://evil.example",
        "https://desktop.cardcoins.invalid.evil.example",
        "http://desktop.cardcoins.invalid:8080",
        "null",
    ] {
        let refused = preflight(other).await.expect("preflight");
        assert!(
            refused
                .headers()
                .get("access-control-allow-origin")
                .is_none(),
            "{other} was allowed"
        );
    }

    let answer = harness
        .solved_on(REGISTERED_ORIGIN, "cardcoins-sandbox-practice-site-key")
        .await;
    assert_eq!(
        answer.headers()["access-control-allow-origin"],
        REGISTERED_ORIGIN
    );
    let elsewhere = harness
        .solved_on(
            "https://evil.example",
            "cardcoins-sandbox-practice-site-key",
        )
        .await;
    assert!(elsewhere
        .headers()
        .get("access-control-allow-origin")
        .is_none());

    // A refusal is readable by the page too, so it can say why.
    let refused = harness.solved_on(REGISTERED_ORIGIN, " ").await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        refused.headers()["access-control-allow-origin"],
        REGISTERED_ORIGIN
    );
}

#[tokio::test]
async fn a_token_needs_a_page_origin() {
    let harness = Harness::start().await;
    let response = harness
        .http
        .post(harness.token_url())
        .json(&json!({"sitekey": "cardcoins-sandbox-practice-site-key"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.expect("json");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("Origin") && m.contains("/sandbox/captcha/token")),
        "{body}"
    );
}

#[tokio::test]
async fn dispatch_refuses_tokens_for_another_site_key_or_hostname() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(5500).await;
    let path = format!("phones?order_id={order_id}");
    let send = |token: String| {
        harness.post_json(
            &path,
            json!({"phone_number": PHONE, "recaptcha_response": token}),
        )
    };

    let wrong_key = harness
        .token_solved_on(REGISTERED_ORIGIN, "some-other-site-key")
        .await;
    let (status, body) = send(wrong_key).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("another site key")),
        "{body}"
    );

    let wrong_host = harness
        .token_solved_on(&harness.origin(), "cardcoins-sandbox-practice-site-key")
        .await;
    let (status, body) = send(wrong_host).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let message = body["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("127.0.0.1") && message.contains("desktop.cardcoins.invalid"),
        "{body}"
    );
    assert!(harness.sandbox.outbox(Some(PHONE)).is_empty());

    let right = harness
        .token_solved_on(REGISTERED_ORIGIN, "cardcoins-sandbox-practice-site-key")
        .await;
    let (status, body) = send(right).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(harness.sandbox.outbox(Some(PHONE)).len(), 1);
}

#[tokio::test]
async fn the_registered_values_are_configurable() {
    let harness = Harness::with(cardcoins_sandbox::SandboxConfig {
        recaptcha_site_key: "my-key".into(),
        captcha_hostname: "captcha.example.test".into(),
        ..fast_config()
    })
    .await;
    let order_id = harness.create_order(5500).await;
    let path = format!("phones?order_id={order_id}");
    let practice = harness
        .token_solved_on(REGISTERED_ORIGIN, "cardcoins-sandbox-practice-site-key")
        .await;
    let (status, _) = harness
        .post_json(
            &path,
            json!({"phone_number": PHONE, "recaptcha_response": practice}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // The control endpoint's tokens follow the configuration.
    let (status, body) = harness.dispatch(&order_id, PHONE).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mine = harness
        .solved_on("https://captcha.example.test", "my-key")
        .await;
    assert_eq!(
        mine.headers()["access-control-allow-origin"],
        "https://captcha.example.test"
    );
}

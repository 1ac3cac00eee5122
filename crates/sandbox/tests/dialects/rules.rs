//! What every dialect keeps: the captcha after refused payments, the KYC steps, the image types
//! named in image errors.

use cardcoins_sandbox::Dialect;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{ADDRESS, PHONE};
use crate::{created_with_phone, error_message, harness, pay, verify};

const BAD_CHECKSUM: &str = "12c6DSiU4Rq3P4ZxziKxzrL5LmMBrzjrJY";

fn keyed_code(body: &Value) -> &Value {
    &body["error"]["code"]
}

#[tokio::test]
async fn after_three_refused_payments_each_one_needs_a_captcha() {
    for dialect in Dialect::ALL {
        let harness = harness(dialect).await;
        let order_id = created_with_phone(&harness, 5500).await;
        harness.verify_phone(&order_id, PHONE).await;
        for attempt in 1..=3 {
            let (status, body) = pay(&harness, &order_id, json!({"address": BAD_CHECKSUM})).await;
            assert_eq!(
                status,
                StatusCode::BAD_REQUEST,
                "{dialect} #{attempt}: {body}"
            );
            if dialect == Dialect::Keyed {
                assert_eq!(keyed_code(&body), "invalid_destination", "{body}");
            }
        }
        let (status, body) = pay(&harness, &order_id, json!({"address": ADDRESS})).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{dialect}: {body}");
        match dialect {
            Dialect::Keyed => assert_eq!(keyed_code(&body), "captcha_required", "{body}"),
            Dialect::Extended => {
                let message = error_message(dialect, &body);
                assert!(message.contains("recaptcha_response"), "{message}");
            }
            _ => {}
        }
        let (status, body) = pay(
            &harness,
            &order_id,
            json!({"address": ADDRESS, "recaptcha_response": "not-a-token"}),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{dialect}: {body}");
        if dialect == Dialect::Keyed {
            assert_eq!(keyed_code(&body), "captcha_invalid", "{body}");
        }
        let token = harness.captcha_token().await;
        let (status, body) = pay(
            &harness,
            &order_id,
            json!({"address": ADDRESS, "recaptcha_response": token}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{dialect}: {body}");
    }
}

#[tokio::test]
async fn two_refused_payments_need_no_captcha() {
    for dialect in Dialect::ALL {
        let harness = harness(dialect).await;
        let order_id = created_with_phone(&harness, 5500).await;
        harness.verify_phone(&order_id, PHONE).await;
        for _ in 0..2 {
            let (status, _) = pay(&harness, &order_id, json!({"address": BAD_CHECKSUM})).await;
            assert_eq!(status, StatusCode::BAD_REQUEST);
        }
        let (status, body) = pay(&harness, &order_id, json!({"address": ADDRESS})).await;
        assert_eq!(status, StatusCode::OK, "{dialect}: {body}");
    }
}

#[tokio::test]
async fn names_then_id_images_above_the_thresholds_in_every_dialect() {
    for dialect in Dialect::ALL {
        let harness = harness(dialect).await;
        let order_id = created_with_phone(&harness, 300_000).await;
        harness.verify_phone(&order_id, PHONE).await;
        let (status, body) = pay(&harness, &order_id, json!({"address": ADDRESS})).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{dialect}: {body}");
        if dialect == Dialect::Keyed {
            assert_eq!(keyed_code(&body), "name_required", "{body}");
        }
        let (status, body) = pay(
            &harness,
            &order_id,
            json!({"address": ADDRESS, "first_name": "Satoshi", "last_name": "Nakamoto"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{dialect}: {body}");

        // The verify refusal names every image still needed, by its API type name.
        let (status, body) = verify(&harness, &order_id).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{dialect}: {body}");
        let message = error_message(dialect, &body);
        for slot in [
            "Image1",
            "Image2",
            "GovidImageFront",
            "GovidImageBack",
            "GovidImageSelfPortrait",
        ] {
            assert!(message.contains(slot), "{dialect}: {message}");
        }
    }
}

#[tokio::test]
async fn a_geolocation_refusal_is_403_in_every_dialect() {
    for dialect in Dialect::ALL {
        let harness = harness(dialect).await;
        let phone = "+15555550403";
        let (status, body) = harness
            .post_json(
                "orders",
                json!({"amount": 5500, "currency": "bitcoin", "phone_number": phone}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let order_id = body["data"]["order_id"].as_str().unwrap_or_default();
        let (status, body) = harness.dispatch(order_id, phone).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{dialect}: {body}");
        if dialect == Dialect::Keyed {
            assert_eq!(keyed_code(&body), "geo_blocked", "{body}");
        }
    }
}

//! Each cURL example of the API reference, pointed at the sandbox, gets a response of the
//! documented shape. Bodies are sent exactly as `curl -d` sends them (no JSON content type).
//! Where an example carries a placeholder the real service would refuse too (recaptcha "1234",
//! code "4321"), a real captcha token and the code from the outbox take its place.

mod common;

use common::{is_hex64, s3_post, Harness, ADDRESS, JPEG, PHONE};
use reqwest::StatusCode;
use serde_json::Value;

fn is_iso8601_millis(value: &Value) -> bool {
    value.as_str().is_some_and(|text| {
        text.len() == 24
            && text.ends_with('Z')
            && text.as_bytes()[10] == b'T'
            && text.as_bytes()[19] == b'.'
    })
}

#[tokio::test]
async fn get_all_tickers() {
    let harness = Harness::start().await;
    let (status, body) = harness.get("tickers").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["message"], "");
    let data = &body["data"];
    let currency = &data["currencies"][0];
    assert_eq!(currency["name"], "bitcoin");
    assert_eq!(currency["symbol"], "BTC");
    assert!(currency["price_usd"]
        .as_u64()
        .is_some_and(|price| price > 0));
    assert_eq!(currency["enabled"], true);
    assert!(is_iso8601_millis(&data["last_updated_at"]), "{data}");
    assert_eq!(data["update_frequency"], 60000);
}

#[tokio::test]
async fn the_whole_life_with_every_example() {
    let harness = Harness::start().await;

    // Create New Order
    let (status, body) = harness
        .post("orders", r#"{"amount":5500,"currency":"bitcoin"}"#)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["message"], "");
    let order_id = body["data"]["order_id"]
        .as_str()
        .expect("order_id")
        .to_string();
    assert!(order_id.len() >= 10 && order_id.chars().all(|c| c.is_ascii_alphanumeric()));

    // Update Existing Order
    let (status, body) = harness
        .post(
            &format!("orders/{order_id}"),
            &format!(r#"{{"phone_number":"{PHONE}","address":"{ADDRESS}"}}"#),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["order_id"], order_id.as_str());

    // Get Existing Order
    let (status, body) = harness.get(&format!("orders/{order_id}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let data = &body["data"];
    assert_eq!(data["status"], "created");
    let order = &data["order"];
    assert_eq!(order["currency_symbol"], "BTC");
    assert_eq!(order["base_currency"], "USD");
    assert_eq!(order["base_currency_amount"], 5500);
    assert!(is_iso8601_millis(&order["created_at"]));
    assert_eq!(order["currency"], "bitcoin");
    let price = order["currency_price_usd"].as_u64().expect("price");
    let sats = order["currency_amount"].as_u64().expect("sats");
    assert_eq!(sats, 5500 * 100_000_000 / price);
    assert!(is_iso8601_millis(&data["ticker"]["last_updated_at"]));
    assert_eq!(data["ticker"]["update_frequency"], 60000);
    assert_eq!(data["destination"]["address"], ADDRESS);

    // Phone Number Verification - Dispatch (call as the string "true", like the example)
    let token = harness.captcha_token().await;
    let (status, body) = harness
        .post(
            &format!("phones?order_id={order_id}"),
            &format!(
                r#"{{"phone_number":"{PHONE}","call":"true", "recaptcha_response":"{token}"}}"#
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["message"], "Verification code has been sent");
    assert_eq!(body["data"], serde_json::json!({}));
    let outbox = harness.sandbox.outbox(Some(PHONE));
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].channel, cardcoins_sandbox::Channel::Call);

    // Phone Number Verification - Submit
    let code = harness.latest_code(PHONE).await;
    let (status, body) = harness
        .post(
            &format!("phones/code?order_id={order_id}"),
            &format!(r#"{{"phone_number":"{PHONE}","verification_code":"{code}"}}"#),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["message"], "Phone verification successful");

    // Address/Invoice - Submit
    let (status, body) = harness
        .post(
            &format!("orders/{order_id}/payment"),
            &format!(r#"{{"address":"{ADDRESS}"}}"#),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, serde_json::json!({"message": "", "data": {}}));
    let data = harness.order(&order_id).await;
    assert_eq!(data["status"], "authorized");
    let required: Vec<&str> = data["required_images"]
        .as_array()
        .expect("required_images")
        .iter()
        .map(|image| image["image_type"].as_str().expect("image_type"))
        .collect();
    assert_eq!(required, ["Image1", "Image2"]);
    assert!(data["required_images"][0]["description"]
        .as_str()
        .is_some_and(|text| !text.is_empty()));

    for slot in ["Image1", "Image2"] {
        // Image Presign
        let response = harness
            .http
            .post(harness.url(&format!("orders/{order_id}/images/{slot}")))
            .body(r#"{"file_name":"card_image1.jpg","file_size":"50018"}"#)
            .send()
            .await
            .expect("presign sent");
        assert_eq!(response.status(), StatusCode::OK);
        let text = response.text().await.expect("presign body");
        // The fields come in the reference's order (a form must send them before the file).
        let order = [
            "\"key\"",
            "\"acl\"",
            "\"Content-Type\"",
            "\"success_action_status\"",
            "\"bucket\"",
            "\"X-Amz-Algorithm\"",
            "\"X-Amz-Credential\"",
            "\"X-Amz-Date\"",
            "\"Policy\"",
            "\"X-Amz-Signature\"",
        ];
        let positions: Vec<usize> = order
            .iter()
            .map(|name| text.find(name).expect(name))
            .collect();
        assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{text}");
        let body: Value = serde_json::from_str(&text).expect("presign json");
        let fields = &body["data"]["fields"];
        assert_eq!(fields.as_object().map(|fields| fields.len()), Some(10));
        assert!(fields["key"]
            .as_str()
            .is_some_and(|key| key.ends_with(&format!("_{slot}"))));
        assert_eq!(fields["acl"], "private");
        assert_eq!(fields["Content-Type"], "image/jpeg");
        assert_eq!(fields["success_action_status"], "201");
        assert_eq!(fields["bucket"], "cardcoins-images");
        assert_eq!(fields["X-Amz-Algorithm"], "AWS4-HMAC-SHA256");
        assert!(fields["X-Amz-Credential"]
            .as_str()
            .is_some_and(|c| c.ends_with("/us-east-1/s3/aws4_request")));
        assert!(is_hex64(&fields["X-Amz-Signature"]));
        assert!(body["data"]["url"]
            .as_str()
            .is_some_and(|url| url.ends_with("/s3/cardcoins-images")));

        // Image Upload
        let response = s3_post(&harness.http, &body["data"], JPEG).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let xml = response.text().await.expect("xml");
        let key = fields["key"].as_str().expect("key");
        assert!(xml.starts_with("<?xml"), "{xml}");
        assert!(xml.contains("<PostResponse><Location>"), "{xml}");
        assert!(xml.contains("<Bucket>cardcoins-images</Bucket>"), "{xml}");
        assert!(xml.contains(&format!("<Key>{key}</Key>")), "{xml}");
        assert!(xml.contains("<ETag>"), "{xml}");
    }

    // Image Verify (no body, JSON content type, like the example)
    let response = harness
        .http
        .post(harness.url(&format!("orders/{order_id}/verify")))
        .header("content-type", "application/json")
        .send()
        .await
        .expect("verify sent");
    let (status, body) = common::into_json(response).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, serde_json::json!({"message": "", "data": {}}));
    assert_eq!(harness.order(&order_id).await["status"], "processing");

    let decided = harness.decision(&order_id).await;
    assert_eq!(decided["status"], "approved", "{decided}");
    let payout = &decided["payout"];
    assert_eq!(payout["address"], ADDRESS);
    assert!(is_hex64(&payout["txid"]), "{payout}");
    assert_eq!(
        payout["currency_amount"],
        decided["order"]["currency_amount"]
    );
    assert!(is_iso8601_millis(&payout["sent_at"]));
}

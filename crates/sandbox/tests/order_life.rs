//! Every branch of an order's life.

mod common;

use std::time::Duration;

use cardcoins_sandbox::SandboxConfig;
use common::{
    fast_config, is_hex64, zero_amount_invoice, Harness, ADDRESS, BECH32_ADDRESS, JPEG, PHONE,
};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn image_types(order: &Value, field: &str) -> Vec<String> {
    order[field]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|item| item["image_type"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

async fn verify(harness: &Harness, order_id: &str) -> (StatusCode, Value) {
    harness.post(&format!("orders/{order_id}/verify"), "").await
}

#[tokio::test]
async fn lightning_invoice_orders_are_paid_with_a_payment_hash() {
    let harness = Harness::start().await;
    let invoice = zero_amount_invoice();
    let order_id = harness
        .authorized_order(5500, PHONE, json!({"ln_invoice": invoice}))
        .await;
    harness.upload_required_images(&order_id).await;
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    let order = harness.decision(&order_id).await;
    assert_eq!(order["status"], "approved");
    assert_eq!(order["payout"]["ln_invoice"], invoice.as_str());
    assert!(is_hex64(&order["payout"]["payment_hash"]), "{order}");
    assert!(order["payout"].get("txid").is_none());
}

#[tokio::test]
async fn a_lightning_address_goes_in_ln_invoice() {
    let harness = Harness::start().await;
    let order_id = harness
        .authorized_order(5500, PHONE, json!({"ln_invoice": "satoshi@example.com"}))
        .await;
    harness.upload_required_images(&order_id).await;
    verify(&harness, &order_id).await;
    let order = harness.decision(&order_id).await;
    assert_eq!(order["payout"]["ln_invoice"], "satoshi@example.com");
    assert!(is_hex64(&order["payout"]["payment_hash"]));
}

#[tokio::test]
async fn the_address_given_at_creation_is_used_by_an_empty_payment_step() {
    let harness = Harness::start().await;
    let (status, body) = harness
        .post_json(
            "orders",
            json!({"amount": 2500, "currency": "bitcoin", "phone_number": PHONE, "address": BECH32_ADDRESS}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let order_id = body["data"]["order_id"].as_str().expect("id").to_string();
    harness.verify_phone(&order_id, PHONE).await;
    let (status, body) = harness
        .post(&format!("orders/{order_id}/payment"), "")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    harness.upload_required_images(&order_id).await;
    verify(&harness, &order_id).await;
    let order = harness.decision(&order_id).await;
    assert_eq!(order["payout"]["address"], BECH32_ADDRESS);
}

#[tokio::test]
async fn cents_ending_in_13_are_rejected_once_then_approved_after_a_new_image2() {
    let harness = Harness::start().await;
    let order_id = harness
        .authorized_order(5513, PHONE, json!({"address": ADDRESS}))
        .await;
    harness.upload_required_images(&order_id).await;
    verify(&harness, &order_id).await;
    let order = harness.decision(&order_id).await;
    assert_eq!(order["status"], "rejected", "{order}");
    assert_eq!(image_types(&order, "image_feedback"), ["Image2"]);
    assert!(order["image_feedback"][0]["feedback"]
        .as_str()
        .is_some_and(|text| text.contains("receipt")));
    assert!(order.get("payout").is_none());

    // Verify again without a new Image2: the same feedback.
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    let order = harness.decision(&order_id).await;
    assert_eq!(order["status"], "rejected");
    assert_eq!(image_types(&order, "image_feedback"), ["Image2"]);

    harness.upload_image(&order_id, "Image2", JPEG).await;
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    let order = harness.decision(&order_id).await;
    assert_eq!(order["status"], "approved", "{order}");
    assert!(order.get("image_feedback").is_none());
    assert!(is_hex64(&order["payout"]["txid"]));
}

#[tokio::test]
async fn a_file_that_is_not_a_photo_gets_feedback_on_its_slot() {
    let harness = Harness::start().await;
    let order_id = harness
        .authorized_order(5500, PHONE, json!({"address": ADDRESS}))
        .await;
    harness
        .upload_image(&order_id, "Image1", b"GIF89a not a jpeg")
        .await;
    harness.upload_image(&order_id, "Image2", JPEG).await;
    verify(&harness, &order_id).await;
    let order = harness.decision(&order_id).await;
    assert_eq!(order["status"], "rejected");
    assert_eq!(image_types(&order, "image_feedback"), ["Image1"]);
    harness.upload_image(&order_id, "Image1", JPEG).await;
    verify(&harness, &order_id).await;
    assert_eq!(harness.decision(&order_id).await["status"], "approved");
}

#[tokio::test]
async fn above_1000_dollars_a_week_names_are_required_once_per_phone() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(150_000).await;
    assert_eq!(harness.order(&order_id).await["name_required"], false);
    harness.verify_phone(&order_id, PHONE).await;
    assert_eq!(harness.order(&order_id).await["name_required"], true);

    let payment = format!("orders/{order_id}/payment");
    let (status, body) = harness
        .post_json(&payment, json!({"address": ADDRESS}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let message = body["message"].as_str().expect("message");
    assert!(
        message.contains("first_name") && message.contains("$1,500.00"),
        "{message}"
    );
    let (status, _) = harness
        .post_json(
            &payment,
            json!({"address": ADDRESS, "first_name": "Satoshi", "last_name": " "}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, body) = harness
        .post_json(
            &payment,
            json!({"address": ADDRESS, "first_name": "Satoshi", "last_name": "Nakamoto"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let order = harness.order(&order_id).await;
    assert_eq!(image_types(&order, "required_images"), ["Image1", "Image2"]);

    // Names are on file for this phone now: the next order does not ask again.
    let next = harness.create_order(10_000).await;
    harness.verify_phone(&next, PHONE).await;
    assert_eq!(harness.order(&next).await["name_required"], false);
    let (status, body) = harness
        .post_json(
            &format!("orders/{next}/payment"),
            json!({"address": ADDRESS}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn the_weekly_volume_adds_up_across_orders_and_counts_the_current_one() {
    let harness = Harness::start().await;
    // $900 alone is under the $1,000 threshold.
    harness
        .authorized_order(90_000, PHONE, json!({"address": ADDRESS}))
        .await;
    // $900 + $200 = $1,100 is over it.
    let second = harness.create_order(20_000).await;
    harness.verify_phone(&second, PHONE).await;
    assert_eq!(harness.order(&second).await["name_required"], true);
    // Another phone has its own volume.
    let other = harness.create_order(20_000).await;
    harness.verify_phone(&other, "+15555550100").await;
    assert_eq!(harness.order(&other).await["name_required"], false);
}

#[tokio::test]
async fn above_2500_dollars_a_week_government_id_images_are_required() {
    let harness = Harness::start().await;
    let order_id = harness
        .authorized_order(
            300_000,
            PHONE,
            json!({"address": ADDRESS, "first_name": "Satoshi", "last_name": "Nakamoto"}),
        )
        .await;
    let order = harness.order(&order_id).await;
    assert_eq!(
        image_types(&order, "required_images"),
        [
            "Image1",
            "Image2",
            "GovidImageFront",
            "GovidImageBack",
            "GovidImageSelfPortrait"
        ]
    );
    harness.upload_image(&order_id, "Image1", JPEG).await;
    harness.upload_image(&order_id, "Image2", JPEG).await;
    let (status, body) = verify(&harness, &order_id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let message = body["message"].as_str().expect("message");
    assert!(
        message.contains("GovidImageFront")
            && message.contains("GovidImageBack")
            && message.contains("GovidImageSelfPortrait"),
        "{message}"
    );
    assert!(!message.contains("Image1,"), "{message}");
    harness.upload_required_images(&order_id).await;
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    assert_eq!(harness.decision(&order_id).await["status"], "approved");
}

#[tokio::test]
async fn configurable_kyc_thresholds() {
    let harness = Harness::with(SandboxConfig {
        kyc_name_threshold_cents: 1_000,
        kyc_id_threshold_cents: 2_000,
        ..fast_config()
    })
    .await;
    let order_id = harness.create_order(2_500).await;
    harness.verify_phone(&order_id, PHONE).await;
    assert_eq!(harness.order(&order_id).await["name_required"], true);
    let (status, _) = harness
        .post_json(
            &format!("orders/{order_id}/payment"),
            json!({"address": ADDRESS, "first_name": "A", "last_name": "B"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        image_types(&harness.order(&order_id).await, "required_images").len(),
        5
    );
}

#[tokio::test]
async fn verify_names_the_images_never_uploaded() {
    let harness = Harness::start().await;
    let order_id = harness
        .authorized_order(5500, PHONE, json!({"address": ADDRESS}))
        .await;
    let (status, body) = verify(&harness, &order_id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("Image1, Image2")),
        "{body}"
    );
    harness.upload_image(&order_id, "Image1", JPEG).await;
    let (status, body) = verify(&harness, &order_id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let message = body["message"].as_str().expect("message");
    assert!(
        message.contains("Image2") && !message.contains("Image1"),
        "{message}"
    );
}

#[tokio::test]
async fn steps_out_of_order_are_refused_with_403() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(5500).await;
    // payment before the phone is verified
    let (status, body) = harness
        .post_json(
            &format!("orders/{order_id}/payment"),
            json!({"address": ADDRESS}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body["message"]
        .as_str()
        .is_some_and(|m| m.contains("phone")));
    // images and verify before payment
    assert_eq!(
        harness.presign(&order_id, "Image1", "a.jpg", 10).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::FORBIDDEN);
    // code submission before any code was sent
    let (status, _) = harness
        .post_json(
            &format!("phones/code?order_id={order_id}"),
            json!({"phone_number": PHONE, "verification_code": "123456"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    harness.verify_phone(&order_id, PHONE).await;
    // Update Existing Order once the phone is confirmed
    let (status, body) = harness
        .post_json(
            &format!("orders/{order_id}"),
            json!({"address": BECH32_ADDRESS}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    // dispatch again once confirmed
    assert_eq!(
        harness.dispatch(&order_id, PHONE).await.0,
        StatusCode::FORBIDDEN
    );

    let (status, _) = harness
        .post_json(
            &format!("orders/{order_id}/payment"),
            json!({"address": ADDRESS}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // payment twice
    let (status, _) = harness
        .post_json(
            &format!("orders/{order_id}/payment"),
            json!({"address": ADDRESS}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    harness.upload_required_images(&order_id).await;
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::OK);
    // verify and presign while processing
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        harness.presign(&order_id, "Image1", "a.jpg", 10).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(harness.decision(&order_id).await["status"], "approved");
    // nothing more once approved
    assert_eq!(verify(&harness, &order_id).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        harness.presign(&order_id, "Image1", "a.jpg", 10).await.0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn update_existing_order_changes_phone_and_destination_before_confirmation() {
    let harness = Harness::start().await;
    let order_id = harness.create_order(5500).await;
    let invoice = zero_amount_invoice();
    let (status, _) = harness
        .post_json(
            &format!("orders/{order_id}"),
            json!({"phone_number": PHONE, "ln_invoice": invoice}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        harness.order(&order_id).await["destination"]["ln_invoice"],
        invoice.as_str()
    );
    let (status, _) = harness
        .post_json(&format!("orders/{order_id}"), json!({"address": ADDRESS}))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        harness.order(&order_id).await["destination"],
        json!({"address": ADDRESS})
    );

    // A code sent to one number does not confirm another set afterwards.
    assert_eq!(harness.dispatch(&order_id, PHONE).await.0, StatusCode::OK);
    let code = harness.latest_code(PHONE).await;
    let (status, _) = harness
        .post_json(
            &format!("orders/{order_id}"),
            json!({"phone_number": "+15555550100"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = harness
        .post_json(
            &format!("phones/code?order_id={order_id}"),
            json!({"phone_number": PHONE, "verification_code": code}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn orders_expire_after_the_ttl_unless_approved() {
    let harness = Harness::start().await;
    let abandoned = harness.create_order(5500).await;
    let paid = harness
        .authorized_order(5500, PHONE, json!({"address": ADDRESS}))
        .await;
    harness.upload_required_images(&paid).await;
    verify(&harness, &paid).await;
    assert_eq!(harness.decision(&paid).await["status"], "approved");
    // The default lifetime, a day, from the abandoned order's creation.
    harness
        .clock
        .advance(Duration::from_secs(24 * 60 * 60) - fast_config().decision_delay);
    assert_eq!(harness.order(&abandoned).await["status"], "created");
    harness.clock.advance(Duration::from_millis(1));
    let (status, body) = harness.get(&format!("orders/{abandoned}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!body["message"]
        .as_str()
        .unwrap_or_default()
        .contains(&abandoned));
    let (status, _) = harness
        .post_json(&format!("orders/{abandoned}"), json!({}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(harness.order(&paid).await["status"], "approved");
}

#[tokio::test]
async fn the_order_price_follows_the_ticker_until_verify_then_stays() {
    let harness = Harness::with(SandboxConfig {
        ticker_update_frequency_ms: 20,
        decision_delay: Duration::from_secs(1),
        ..fast_config()
    })
    .await;
    let order_id = harness
        .authorized_order(5500, PHONE, json!({"address": ADDRESS}))
        .await;
    harness.upload_required_images(&order_id).await;
    verify(&harness, &order_id).await;
    let locked = harness.order(&order_id).await["order"]["currency_price_usd"].clone();
    let mut ticker_moved = false;
    for _ in 0..20 {
        harness.clock.advance(Duration::from_millis(25));
        let (_, tickers) = harness.get("tickers").await;
        ticker_moved |= tickers["data"]["currencies"][0]["price_usd"] != locked;
        assert_eq!(
            harness.order(&order_id).await["order"]["currency_price_usd"],
            locked
        );
    }
    assert!(ticker_moved, "the ticker never moved");
    let order = harness.decision(&order_id).await;
    let price = locked.as_u64().expect("price");
    assert_eq!(
        order["payout"]["currency_amount"],
        5500 * 100_000_000 / price
    );
}

//! A Lightning Address payout: the app accepts it, the order completes, and the payout shows a
//! payment hash instead of a transaction id.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey};
use cardcoins_e2e::{AppSession, AppSessionOptions};

const LIGHTNING_ADDRESS: &str = "satoshi@walletofsatoshi.com";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lightning_address_payout() {
    let dir = scratch_dir("lightning");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let session = AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "lightning-address").expect("journey");

    journey
        .sell(
            "25",
            LIGHTNING_ADDRESS,
            "Lightning Address",
            &[("Image1", &front), ("Image2", &back)],
        )
        .await
        .expect("sold up to the review");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved");

    session
        .wait_for_text("payout-summary", "sats", 10)
        .await
        .expect("payout details");
    session
        .find_test_id("payout-hash")
        .await
        .expect("a payment hash");
    session.close().await.expect("close");
}

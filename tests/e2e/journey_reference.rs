//! The whole sale in the real window against a practice server that answers with nothing but
//! what the API reference documents: no phone flag, no list of photos, no feedback, no payout
//! details, and error messages that are the reference's own fixed sentences. Where the server
//! is silent the app goes on from its own record of the steps done.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey, PHONE};
use cardcoins_e2e::{AppSession, AppSessionOptions};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approved_against_the_reference_alone() {
    let dir = scratch_dir("reference");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let session = AppSession::start(AppSessionOptions {
        args: vec!["--sandbox".into(), "--dialect".into(), "reference".into()],
        ..Default::default()
    })
    .await
    .expect("app session");
    let mut journey = Journey::new(&session, "reference").expect("journey");

    journey.amount("55.00").await.expect("amount step");
    journey.phone(PHONE).await.expect("phone step");
    journey
        .payout(ADDRESS, "Bitcoin")
        .await
        .expect("payout step");
    // The server lists no photos: the card's two sides are asked for in the app's own words.
    let front_slot = session
        .wait_for_text("photo-slot-Image1", "Front of the card", 10)
        .await
        .expect("the front is asked for");
    assert!(!front_slot.is_empty());
    session
        .wait_for_text("photo-slot-Image2", "Back of the card", 10)
        .await
        .expect("the back is asked for");
    journey
        .photos(&[("Image1", &front), ("Image2", &back)])
        .await
        .expect("photos step");
    journey.submit().await.expect("submit");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved");
    // The reference describes no payout: nothing is made up in its place.
    assert!(
        session.find_test_id("payout").await.is_err(),
        "no payout details without the server's"
    );
    session
        .find_test_id("new-order")
        .await
        .expect("the order is done");
    session.close().await.expect("close");
}

//! The whole sale in the real window against a practice server that answers with nothing but
//! what the API reference documents: no phone flag, no list of photos, no feedback, no payout
//! details, and error messages that are the reference's own fixed sentences. Where the server
//! is silent the app goes on from its own record of what the seller did: the review names the
//! destination, the approval names the sats, their dollars and where they went, and the payout
//! watch follows the address the seller gave to three confirmations.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey, PHONE};
use cardcoins_e2e::{AppSession, AppSessionOptions};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approved_against_the_reference_alone() {
    let dir = scratch_dir("reference");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let mut options = AppSessionOptions::sandbox_with_own_folders("reference");
    options
        .args
        .extend(["--dialect".into(), "reference".into()]);
    let session = AppSession::start(options).await.expect("app session");
    let mut journey = Journey::new(&session, "reference").expect("journey");

    session.click("open-settings").await.expect("settings");
    session
        .click("settings-payout-watch")
        .await
        .expect("watch on");
    journey.save_settings().await.expect("settings saved");

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
    // The reference echoes no destination and no phone: the review has them from the record.
    let review = session
        .wait_for_text("review-destination", ADDRESS, 10)
        .await
        .expect("the review names the destination");
    assert!(review.contains(ADDRESS), "{review}");
    session
        .wait_for_text("review-phone", "ending in 0000", 10)
        .await
        .expect("the review names the phone by its last digits");
    session
        .wait_for_text("review-receive", "$55.00", 10)
        .await
        .expect("the review says what it pays in dollars");
    journey.submit().await.expect("submit");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved, with the amount, its dollars and the destination");
    let summary = session
        .wait_for_text("payout-summary", "sats", 10)
        .await
        .expect("summary");
    assert!(summary.contains("$55.00 card"), "{summary}");
    assert!(summary.contains("bc1qar0…f5mdq"), "{summary}");

    // The watch follows the address the seller gave, though the server never echoed it, and
    // the transaction it finds is the one the payout names (the reference names none).
    session
        .wait_for_text("payout-watch-headline", "Payment seen", 30)
        .await
        .expect("the payout seen");
    session
        .find_test_id("payout-txid")
        .await
        .expect("the transaction the watch found");
    session
        .wait_for_text("payout-watch-headline", "3 confirmations", 90)
        .await
        .expect("three confirmations");
    journey.scroll_to("your-bitcoin").await.expect("scroll");
    journey.shot("payout-done").await.expect("shot");
    session
        .find_test_id("new-order")
        .await
        .expect("the order is done");
    session.close().await.expect("close");
}

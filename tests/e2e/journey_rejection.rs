//! The sandbox rejects Image2 of a $55.13 order with feedback. The feedback shows beside that
//! photo, the person replaces it, resubmits, and the order is approved.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey};
use cardcoins_e2e::{AppSession, AppSessionOptions};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rejected_photo_replaced_then_approved() {
    let dir = scratch_dir("rejection");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let retake = card_photo(&dir, "back-retake.jpg").expect("photo");
    let session = AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "rejection").expect("journey");

    journey
        .sell(
            "55.13",
            ADDRESS,
            "Bitcoin",
            &[("Image1", &front), ("Image2", &back)],
        )
        .await
        .expect("sold up to the review");
    journey
        .wait_for_status("Photos rejected", "rejected")
        .await
        .expect("rejected");

    let feedback = session
        .find_test_id("feedback-Image2")
        .await
        .expect("feedback beside Image2");
    assert!(!feedback
        .text()
        .await
        .expect("feedback text")
        .trim()
        .is_empty());
    assert!(
        session.find_test_id("feedback-Image1").await.is_err(),
        "Image1 was not flagged"
    );

    journey
        .choose_photo("Image2", &retake)
        .await
        .expect("replace Image2");
    journey.shot("replaced").await.expect("screenshot");
    session.click("resubmit").await.expect("resubmit");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved after the new photo");
    session.close().await.expect("close");
}

//! Quit after the phone step, start the app again: the order is in history, Continue opens it
//! at the payout step, saying which order it is, and it completes. Both app runs share this process's HOME, so the second one
//! sees the first one's vault and sandbox state.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey, PHONE};
use cardcoins_e2e::{AppSession, AppSessionOptions};
use fantoccini::Locator;

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

fn sandbox_app() -> AppSessionOptions {
    AppSessionOptions::sandbox()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quit_after_phone_then_resume_from_history() {
    let dir = scratch_dir("resume");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");

    let first = AppSession::start(sandbox_app()).await.expect("app session");
    let mut journey = Journey::new(&first, "resume").expect("journey");
    journey.amount("57.00").await.expect("amount step");
    journey.phone(PHONE).await.expect("phone step");
    journey.shot("before-quit").await.expect("screenshot");
    let book = journey.book;
    // tauri-driver ends the app with the session; dropping it ends the display too.
    first.close().await.expect("quit the app");

    let second = AppSession::start(sandbox_app())
        .await
        .expect("the app starts again");
    let mut journey = Journey::with_book(&second, book, None);
    journey.amount_text = Some("$57.00".into());
    second
        .find_test_id("welcome")
        .await
        .expect("a fresh start shows the welcome screen");
    second.click("open-history").await.expect("open history");
    let item = second
        .find_test_id("history-item")
        .await
        .expect("the order is listed");
    journey.shot("history").await.expect("screenshot");
    // Newest first: the order just made is on top (other journeys' orders may follow).
    let text = item.text().await.expect("history item text");
    assert!(text.contains("57.00"), "the top order is this one: {text}");
    item.find(Locator::Css("[data-testid=\"resume\"]"))
        .await
        .expect("a Resume button")
        .click()
        .await
        .expect("resume");
    second
        .find_test_id("step-payout")
        .await
        .expect("resumed at the payout step");
    // The seller is told which order this is, in dollars.
    second
        .wait_for_text("order-strip", "Continuing your $57.00 order", 10)
        .await
        .expect("the resumed order is named");
    journey.shot("resumed").await.expect("screenshot");

    journey
        .payout(ADDRESS, "Bitcoin")
        .await
        .expect("payout step");
    // Back from the photos shows the destination already sent; Continue goes on without
    // sending it again, and Back twice more shows the phone confirmed and the order made.
    second.click("back").await.expect("back to the payout");
    second
        .find_test_id("step-payout")
        .await
        .expect("the payout step again");
    let field = second
        .find_test_id("destination-input")
        .await
        .expect("the destination field");
    let mut shown = String::new();
    for _ in 0..50 {
        shown = field
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default();
        if shown == ADDRESS {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(shown, ADDRESS, "the destination already sent");
    second.click("back").await.expect("back to the phone");
    second
        .wait_for_text("phone-done", "confirmed", 10)
        .await
        .expect("the phone shown confirmed");
    second.click("back").await.expect("back to the amount");
    second
        .wait_for_text("amount-done", "$57.00", 10)
        .await
        .expect("the order shown made at its value");
    journey.shot("back-to-the-start").await.expect("screenshot");
    second.click("continue").await.expect("on to the phone");
    second.click("continue").await.expect("on to the payout");
    second
        .wait_for_text("destination-kind", "Bitcoin", 10)
        .await
        .expect("the sent destination checked");
    second.click("continue").await.expect("on to the photos");
    second
        .find_test_id("step-photos")
        .await
        .expect("the photos again");
    journey
        .photos(&[("Image1", &front), ("Image2", &back)])
        .await
        .expect("photos step");
    journey.submit().await.expect("submit");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved");
    second.close().await.expect("close");
}

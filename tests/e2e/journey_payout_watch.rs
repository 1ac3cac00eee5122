//! A person turns on the payout watch in Settings, sells a $55 card for an on-chain payout, and
//! follows the bitcoin on the Status screen through the sandbox's chain: seen, replaced by a
//! bigger batch, confirmed, 3 confirmations. Each change is a desktop notification.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey};
use cardcoins_e2e::notifications::NotificationWatch;
use cardcoins_e2e::{AppSession, AppSessionOptions};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payout_watched_to_three_confirmations() {
    let dir = scratch_dir("payout-watch");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let notifications = NotificationWatch::start("payout-watch").expect("bus monitor");
    // Settings and orders of their own: no other journey's approved order is watched here.
    let session = AppSession::start(AppSessionOptions::sandbox_with_own_folders("payout-watch"))
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "payout-watch").expect("journey");

    // Opt in, having read what it reveals.
    session.click("open-settings").await.expect("settings");
    let help = session
        .wait_for_text("settings-payout-watch-help", "payout address is sent", 15)
        .await
        .expect("the watch says what it reveals");
    assert!(help.contains("CardCoins is not involved"), "{help}");
    session
        .find_test_id("settings-esplora-practising")
        .await
        .expect("the practice chain is named");
    session
        .click("settings-payout-watch")
        .await
        .expect("watch on");
    journey.shot("payout-watch-setting").await.expect("shot");
    journey.save_settings().await.expect("settings saved");

    journey
        .sell(
            "55.00",
            ADDRESS,
            "Bitcoin",
            &[("Image1", &front), ("Image2", &back)],
        )
        .await
        .expect("sold up to the review");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved");

    let seen = session
        .wait_for_text("payout-watch-headline", "Payment seen", 30)
        .await
        .expect("the payout seen");
    assert_eq!(seen, "Payment seen");
    session
        .wait_for_text("payout-watch-detail", "bigger batch", 5)
        .await
        .expect("the replacement foretold");
    journey.scroll_to("your-bitcoin").await.expect("scroll");
    journey.shot("payout-seen").await.expect("shot");

    session
        .wait_for_text("payout-watch-headline", "replaced", 30)
        .await
        .expect("the payout replaced");
    session
        .find_test_id("payout-watch-old-txid")
        .await
        .expect("the replaced transaction is named");
    journey.scroll_to("your-bitcoin").await.expect("scroll");
    journey.shot("payout-replaced").await.expect("shot");

    session
        .wait_for_text("payout-watch-headline", "1 confirmation", 30)
        .await
        .expect("one confirmation");
    journey.shot("payout-confirmed").await.expect("shot");
    session
        .wait_for_text("payout-watch-headline", "3 confirmations", 45)
        .await
        .expect("three confirmations");
    let timeline = session
        .wait_for_text("payout-timeline", "Payment complete", 10)
        .await
        .expect("the timeline");
    for line in ["Payment seen", "Payment replaced", "Payment confirmed"] {
        assert!(
            timeline.contains(line),
            "{line} in the timeline: {timeline}"
        );
    }
    journey.scroll_to("payout-timeline").await.expect("scroll");
    journey.shot("payout-done").await.expect("shot");

    for title in [
        "CardCoins: Payment seen",
        "CardCoins: Payment replaced by a bigger batch",
        "CardCoins: Payment confirmed",
        "CardCoins: Payment complete",
    ] {
        let sent = notifications
            .wait_for(title, 15)
            .await
            .unwrap_or_else(|error| panic!("{title}: {error}"));
        assert!(
            !sent.contains(ADDRESS),
            "no notification names the payout address"
        );
    }
    session.close().await.expect("close");
}

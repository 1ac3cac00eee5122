//! A person sells a $55 card for an on-chain payout, start to finish, in the real window against
//! the in-process sandbox: typing, clicking, the captcha window, the native file dialog.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey};
use cardcoins_e2e::notifications::NotificationWatch;
use cardcoins_e2e::{AppSession, AppSessionOptions};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn onchain_payout_happy_path() {
    let dir = scratch_dir("onchain");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let notifications = NotificationWatch::start("onchain").expect("bus monitor");
    let session = AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "onchain").expect("journey");

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

    // The summary shortens the address in the middle; the whole one is a click away (checked
    // by wait_for_status with the payout's sats and dollars).
    let payout = session
        .wait_for_text("payout-summary", "sats", 10)
        .await
        .expect("payout details");
    assert!(
        payout.contains("$55.00 card") && payout.contains("bc1qar0…f5mdq"),
        "the payout names the card, the sats and where: {payout}"
    );
    session
        .find_test_id("payout-txid")
        .await
        .expect("a transaction id");
    // Seen on the status screen, the decision is also announced on the desktop.
    let sent = notifications
        .wait_for("CardCoins: Approved", 15)
        .await
        .expect("an approval notification");
    assert!(sent.contains("the bitcoin is on its way"), "{sent}");
    session.close().await.expect("close");
}

//! The first screen in the real window: the welcome screen renders, the sandbox banner shows in
//! sandbox mode, and Start moves on.

#![cfg(target_os = "linux")]

use cardcoins_e2e::{AppSession, AppSessionOptions, ScreenshotBook};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn welcome_screen_then_start() {
    let mut book = ScreenshotBook::new("welcome").expect("screenshot folder");
    let session = AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("app session");

    let heading = session
        .find_test_id("welcome")
        .await
        .expect("welcome screen");
    let text = heading.text().await.expect("welcome text");
    assert!(
        text.contains("Sell a gift card for bitcoin"),
        "welcome screen text was: {text}"
    );
    let banner = session
        .find_test_id("sandbox-banner")
        .await
        .expect("sandbox banner");
    assert!(banner
        .text()
        .await
        .expect("banner text")
        .contains("SANDBOX"));
    book.take(&session, "welcome").expect("screenshot");

    session
        .find_test_id("start")
        .await
        .expect("start button")
        .click()
        .await
        .expect("click start");
    session
        .find_test_id("step-amount")
        .await
        .expect("amount step after Start");
    book.take(&session, "after-start").expect("screenshot");

    session.close().await.expect("close session");
}

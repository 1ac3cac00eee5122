//! The first screen in the real window: the welcome screen renders, the sandbox banner shows in
//! sandbox mode, and Start moves on. Also the proof that the accessibility check every
//! screenshot runs can fail.

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
    book.take(&session, "welcome").await.expect("screenshot");

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
    book.take(&session, "after-start")
        .await
        .expect("screenshot");

    // The check every screenshot runs must be able to fail: a button with only an icon and no
    // name, planted in the page, fails the next picture with the rule and the element.
    session
        .client
        .execute(
            "const planted = document.createElement('button');
             planted.id = 'planted';
             planted.innerHTML = '<svg width=\"24\" height=\"24\"></svg>';
             document.querySelector('main').append(planted);",
            vec![],
        )
        .await
        .expect("plant a violation");
    let refused = book
        .take(&session, "planted-violation")
        .await
        .expect_err("axe let a nameless button through");
    let report = refused.to_string();
    assert!(
        report.contains("button-name") && report.contains("#planted"),
        "the failure does not name the rule and the element: {report}"
    );

    session.close().await.expect("close session");
}

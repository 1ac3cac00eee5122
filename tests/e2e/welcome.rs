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

    // The check every screenshot runs must be able to fail: a nameless button with grey-on-white
    // text planted in the page is reported, with the rule and where.
    session
        .client
        .execute(
            "const planted = document.createElement('button');
             planted.id = 'planted'; planted.style.cssText = 'color:#ddd;background:#fff';
             planted.innerHTML = '<svg width=\"10\" height=\"10\"></svg>';
             document.querySelector('main').append(planted);",
            vec![],
        )
        .await
        .expect("plant a violation");
    let found = cardcoins_e2e::axe::run(&session.client)
        .await
        .expect("axe ran");
    let report = cardcoins_e2e::axe::report(&found);
    assert!(
        found.iter().any(|v| v.rule == "button-name"
            && v.fails()
            && v.nodes.iter().any(|(at, _)| at == "#planted")),
        "axe did not report the planted nameless button:{report}"
    );

    session.close().await.expect("close session");
}

//! The on-chain sale again, with the desktop in dark mode: the page must really be dark (the
//! media query answers and the dark palette is applied), and every screen, History and Settings
//! included, passes axe-core there too, since dark colours are a second set of contrasts.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey};
use cardcoins_e2e::{AppSession, AppSessionOptions};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn onchain_sale_in_dark_mode() {
    let dir = scratch_dir("dark");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let session =
        AppSession::start(AppSessionOptions::sandbox_with_own_folders("dark").in_dark_mode())
            .await
            .expect("app session");

    let seen = session
        .client
        .execute(
            "return { dark: matchMedia('(prefers-color-scheme: dark)').matches,
                      background: getComputedStyle(document.documentElement).backgroundColor };",
            vec![],
        )
        .await
        .expect("ask the page");
    assert_eq!(seen["dark"], true, "the page is not in dark mode: {seen}");
    // --bg of the dark palette (#15171b): the stylesheet's dark branch is the one applied.
    assert_eq!(
        seen["background"], "rgb(21, 23, 27)",
        "the dark palette is not applied: {seen}"
    );

    let mut journey = Journey::new(&session, "dark").expect("journey");
    journey.shot("welcome").await.expect("screenshot");
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
    session
        .wait_for_text("payout", ADDRESS, 10)
        .await
        .expect("payout details");

    journey
        .history_and_settings()
        .await
        .expect("history and settings");
    session.close().await.expect("close");
}

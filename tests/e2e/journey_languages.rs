//! The sale in other languages, in the real window. In Spanish, chosen by the computer (LANG):
//! every check reads the Spanish catalog, the file dialog is titled in Spanish by Rust, and
//! choosing English in Settings turns the window English at once. In the pseudo-locale (en-XA,
//! accented and 40% longer, chosen in the settings file): every screen is photographed and
//! checked for text that is cut off.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey, PHONE};
use cardcoins_e2e::{AppSession, AppSessionOptions};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sale_in_spanish_then_english_at_once() {
    let dir = scratch_dir("spanish");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let mut options = AppSessionOptions::sandbox_with_own_folders("spanish");
    options.env.push(("LANG".into(), "es_US.UTF-8".into()));
    let session = AppSession::start(options).await.expect("app session");
    let mut journey = Journey::in_language(&session, "spanish", "es-US").expect("journey");

    let title = journey.words.text("welcome-title", &[]);
    session
        .wait_for_text("welcome", &title, 10)
        .await
        .expect("the welcome in Spanish");
    let lang = session
        .client
        .execute("return document.documentElement.lang;", vec![])
        .await
        .expect("ask the page");
    assert_eq!(lang, "es-US", "the computer's language is the app's");
    journey.shot("welcome").await.expect("screenshot");

    journey
        .sell(
            "55.00",
            ADDRESS,
            "SegWit",
            &[("Image1", &front), ("Image2", &back)],
        )
        .await
        .expect("sold up to the review");
    let approved = journey.words.text("status-label-approved", &[]);
    journey
        .wait_for_status(&approved, "approved")
        .await
        .expect("approved");

    // The seller picks English: the window changes at once, on the screen they are on.
    session.click("open-settings").await.expect("settings");
    journey.shot("settings").await.expect("screenshot");
    session
        .client
        .execute(
            "const select = document.querySelector('[data-testid=\"settings-language\"]');
             select.value = 'en-US';
             select.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .expect("choose English");
    let english = cardcoins_e2e::words::Words::english();
    session
        .wait_for_text("open-settings", &english.text("nav-settings", &[]), 10)
        .await
        .expect("the window in English at once");
    journey.check_fit = false;
    journey.shot("settings-english").await.expect("screenshot");
    session.close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sale_in_the_pseudo_locale_cuts_nothing_off() {
    let dir = scratch_dir("pseudo");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let options = AppSessionOptions::sandbox_with_own_folders("pseudo");
    let config = scratch_dir("pseudo-config").join("co.cardcoins.desktop");
    std::fs::create_dir_all(&config).expect("config folder");
    std::fs::write(
        config.join("settings.json"),
        serde_json::json!({ "language": "en-XA" }).to_string(),
    )
    .expect("settings");
    let session = AppSession::start(options).await.expect("app session");
    let mut journey = Journey::in_language(&session, "pseudo", "en-XA").expect("journey");
    let title = journey.words.text("welcome-title", &[]);
    session
        .wait_for_text("welcome", &title, 10)
        .await
        .expect("the welcome in the pseudo-locale");
    journey.shot("welcome").await.expect("screenshot");

    // A larger card: longer numbers, and the name fields CardCoins asks for above $1,000.
    journey.amount("1234.56").await.expect("amount");
    journey.phone(PHONE).await.expect("phone");
    journey
        .payout_with_name(
            ADDRESS,
            &journey.words.text("payout-kind-p2wpkh", &[]),
            "Ana",
            "García",
        )
        .await
        .expect("payout");
    journey
        .photos(&[("Image1", &front), ("Image2", &back)])
        .await
        .expect("photos");
    journey.submit().await.expect("sent for review");
    let approved = journey.words.text("status-label-approved", &[]);
    journey
        .wait_for_status(&approved, "approved")
        .await
        .expect("approved");
    journey
        .history_and_settings()
        .await
        .expect("history and settings");
    session.close().await.expect("close");
}

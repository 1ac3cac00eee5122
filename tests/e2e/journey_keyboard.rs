//! A whole sale with the keyboard alone, in the real window: Tab to each control, type, Enter to
//! continue, Space to tick the captcha, the file dialog driven by keys. Nothing is clicked.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, enter_captcha_window, scratch_dir, Journey, PHONE};
use cardcoins_e2e::keyboard::{activate, press, tab_to, type_text};
use cardcoins_e2e::{x11, AppSession, AppSessionOptions};
use fantoccini::key::Key;

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_sale_with_the_keyboard_alone() {
    let dir = scratch_dir("keyboard");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let session = AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "keyboard").expect("journey");
    let keys = &session.client;
    session.find_test_id("welcome").await.expect("welcome");

    // Welcome: Start.
    activate(keys, "start").await.expect("Start is reachable");
    session
        .find_test_id("step-amount")
        .await
        .expect("amount step");

    // Amount: type it, Enter continues.
    tab_to(keys, "amount-input")
        .await
        .expect("the amount field");
    type_text(keys, "55").await.expect("typed");
    session
        .wait_for_text("quote-sats", "sats", 15)
        .await
        .expect("quote");
    journey.shot("amount").await.expect("screenshot");
    press(keys, Key::Enter).await.expect("Enter");
    session
        .find_test_id("step-phone")
        .await
        .expect("phone step");

    // Phone: the number, Enter sends; the captcha window takes Tab and Space.
    tab_to(keys, "phone-input").await.expect("the phone field");
    type_text(keys, PHONE).await.expect("typed");
    press(keys, Key::Enter).await.expect("Enter");
    let main = enter_captcha_window(keys).await.expect("captcha window");
    tab_to(keys, "not-a-robot").await.expect("the checkbox");
    press(keys, Key::Space).await.expect("Space ticks it");
    keys.switch_to_window(main).await.expect("back");
    session.find_test_id("code-sent").await.expect("code sent");
    let banner = session
        .wait_for_text("sandbox-code", "", 15)
        .await
        .expect("code in the banner");
    let code: String = banner.chars().filter(char::is_ascii_digit).collect();
    tab_to(keys, "code-input").await.expect("the code field");
    type_text(keys, &code).await.expect("typed");
    press(keys, Key::Enter).await.expect("Enter");
    session
        .find_test_id("step-payout")
        .await
        .expect("payout step");

    // Payout.
    tab_to(keys, "destination-input")
        .await
        .expect("the destination field");
    type_text(keys, ADDRESS).await.expect("typed");
    session
        .wait_for_text("destination-kind", "Bitcoin", 10)
        .await
        .expect("accepted");
    press(keys, Key::Enter).await.expect("Enter");
    session
        .find_test_id("step-photos")
        .await
        .expect("photos step");

    // Photos: Enter on "Choose photo…", the dialog by keys (x11 types into it).
    for (slot, file) in [("Image1", &front), ("Image2", &back)] {
        tab_to(keys, &format!("choose-photo-{slot}"))
            .await
            .expect("the choose button");
        press(keys, Key::Enter)
            .await
            .expect("Enter opens the dialog");
        x11::choose_file_in_gtk_dialog(
            session.display_name(),
            &journey.words.photo_dialog_title(),
            &file.display().to_string(),
        )
        .expect("the dialog, by keys");
        session
            .wait_for_text(&format!("photo-status-{slot}"), "Uploaded", 60)
            .await
            .expect("uploaded");
    }
    journey.shot("photos").await.expect("screenshot");
    activate(keys, "continue").await.expect("Continue");
    session
        .find_test_id("step-review")
        .await
        .expect("review step");

    // Review: Escape goes back to the photos (safe: nothing is lost), then on again.
    press(keys, Key::Escape).await.expect("Escape");
    session
        .find_test_id("step-photos")
        .await
        .expect("Escape went back");
    activate(keys, "continue").await.expect("Continue");
    session
        .find_test_id("step-review")
        .await
        .expect("review step");
    activate(keys, "submit-verification")
        .await
        .expect("the submit button");
    session
        .find_test_id("step-status")
        .await
        .expect("status step");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved");
    session.close().await.expect("close");
}

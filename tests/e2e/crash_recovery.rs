//! One order through five hard kills (SIGKILL, as a power cut would): right after the create
//! call returned, after the code was sent, right after the payout was accepted, in the middle
//! of a photo upload, and after submitting for review. After each restart the order is in
//! history, Resume opens it where it stopped, and in the end it is approved.

#![cfg(target_os = "linux")]

use cardcoins_e2e::crash::{
    kill_app, orders_in_list, sandbox_order_list, sandbox_origin_of, set_sandbox_fault,
    wait_for_new_order,
};
use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey, PHONE};
use cardcoins_e2e::{AppSession, AppSessionOptions, ScreenshotBook};
use fantoccini::Locator;

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
/// An amount no other journey uses, to find this order in the history.
const AMOUNT: &str = "43.21";

async fn start_app() -> AppSession {
    AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("the app starts")
}

/// Starts the app again after a kill, finds the order in history and resumes it; returns
/// the session and the step the app opened.
async fn restart_and_resume(book: &mut Option<ScreenshotBook>, after: &str) -> AppSession {
    let session = start_app().await;
    session.click("open-history").await.expect("open history");
    let item = session
        .find_test_id("history-item")
        .await
        .expect("history lists orders");
    let text = item.text().await.expect("history text");
    assert!(
        text.contains(AMOUNT),
        "after the kill {after}, the newest order is this one: {text}"
    );
    if let Some(book) = book.as_mut() {
        book.take(&session, &format!("history-after-kill-{after}"))
            .await
            .expect("screenshot");
    }
    item.find(Locator::Css("[data-testid=\"resume\"]"))
        .await
        .expect("a Resume button")
        .click()
        .await
        .expect("resume");
    session
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_order_survives_a_kill_at_every_step() {
    let dir = scratch_dir("crash");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let list = sandbox_order_list();
    let mut book = Some(ScreenshotBook::new("crash").expect("screenshots"));

    // 1. Killed right after create-order returned: the moment the order reaches the list.
    let session = start_app().await;
    session.click("start").await.expect("start");
    session
        .type_into("amount-input", AMOUNT)
        .await
        .expect("amount");
    session
        .wait_for_text("quote-sats", "sats", 15)
        .await
        .expect("quote");
    let before = orders_in_list(&list);
    session.click("continue").await.expect("continue");
    wait_for_new_order(&list, before)
        .await
        .expect("the order is saved");
    kill_app(&session).expect("killed after create");
    drop(session);

    // 2. Killed after the code was sent.
    let session = restart_and_resume(&mut book, "create").await;
    session
        .find_test_id("step-phone")
        .await
        .expect("resumed at the phone step");
    session
        .type_into("phone-input", PHONE)
        .await
        .expect("phone");
    session.click("send-code").await.expect("send code");
    {
        let mut journey = Journey::with_book(&session, book.take().expect("book"), None);
        journey.solve_captcha().await.expect("captcha");
        session.find_test_id("code-sent").await.expect("code sent");
        journey.shot("code-sent").await.expect("screenshot");
        book = Some(journey.book);
    }
    kill_app(&session).expect("killed after the code was sent");
    drop(session);

    // 3. The code again (the first one died with the practice server's outbox), the payout,
    // then killed right after the payout was accepted.
    let session = restart_and_resume(&mut book, "code-sent").await;
    session
        .find_test_id("step-phone")
        .await
        .expect("resumed at the phone step again: the phone is not verified yet");
    {
        let mut journey = Journey::with_book(&session, book.take().expect("book"), None);
        journey.phone(PHONE).await.expect("phone step");
        journey.payout(ADDRESS, "Bitcoin").await.expect("payout");
        book = Some(journey.book);
    }
    kill_app(&session).expect("killed after the payout");
    drop(session);

    // 4. Killed in the middle of an upload, slowed down so the kill lands inside it.
    let session = restart_and_resume(&mut book, "payout").await;
    session
        .find_test_id("step-photos")
        .await
        .expect("resumed at the photos step");
    let origin = sandbox_origin_of(&session).expect("sandbox port");
    set_sandbox_fault(&origin, "\"slow_upload\"").expect("slow uploads");
    {
        let mut journey =
            Journey::with_book(&session, book.take().expect("book"), Some(origin.clone()));
        journey.pick_file("Image1", &front).await.expect("picked");
        // A small photo is handed to the connection at once and reads "Finishing" until the
        // slowed store has it all.
        session
            .wait_for_any_text("photo-status-Image1", &["Uploading", "Finishing"], 30)
            .await
            .expect("the upload is under way");
        journey.shot("uploading").await.expect("screenshot");
        book = Some(journey.book);
    }
    kill_app(&session).expect("killed during the upload");
    drop(session);

    // 5. Both photos (the interrupted one chosen again), submit, then killed while in review.
    let session = restart_and_resume(&mut book, "upload").await;
    session
        .find_test_id("step-photos")
        .await
        .expect("resumed at the photos step: the cut upload did not count");
    {
        let mut journey = Journey::with_book(&session, book.take().expect("book"), None);
        // What the seller gave before the kills: the review and approval must still name it.
        journey.destination = Some(ADDRESS.to_string());
        journey
            .photos(&[("Image1", &front), ("Image2", &back)])
            .await
            .expect("photos");
        journey.submit().await.expect("submitted");
        book = Some(journey.book);
    }
    kill_app(&session).expect("killed in review");
    drop(session);

    // 6. The order is decided while the app is down; on restart it shows approved.
    let session = restart_and_resume(&mut book, "submit").await;
    let mut journey = Journey::with_book(&session, book.take().expect("book"), None);
    journey.destination = Some(ADDRESS.to_string());
    journey
        .wait_for_status("Approved", "approved-after-five-kills")
        .await
        .expect("approved");
    assert!(
        orders_in_list(&list) > before,
        "the order is still in the list"
    );
    session.close().await.expect("close");
}

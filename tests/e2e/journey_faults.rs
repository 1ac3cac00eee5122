//! What goes wrong, in the window: the sandbox's maintenance answer on a $50.30 order, three
//! destinations CardCoins cannot pay, a text file named like a photo, and a 60 MB PNG. Each gets
//! its own clear message where it happened, the flow stays on that step, and the order then
//! completes.

#![cfg(target_os = "linux")]

use cardcoins_e2e::invoices::fresh_invoice;
use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey, PHONE};
use cardcoins_e2e::sample_files::{noisy_png, text_named_jpg};
use cardcoins_e2e::{AppSession, AppSessionOptions};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
/// `ADDRESS` with its last character mistyped.
const TYPO_ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp";
/// BIP-173's testnet vector: a valid address, for the wrong network.
const TESTNET_ADDRESS: &str = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_show_their_message_and_the_flow_goes_on() {
    let dir = scratch_dir("faults");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let text = text_named_jpg(&dir, "card.jpg").expect("text file");
    let big = noisy_png(&dir, "scan.png", 5000, 4200).expect("big PNG");
    let big_size = std::fs::metadata(&big).expect("PNG size").len();
    assert!(big_size > 60_000_000, "the PNG is over 60 MB: {big_size}");
    let amount_invoice = fresh_invoice(Some(50_000_000)).expect("invoice");

    let session = AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "faults").expect("journey");
    let s = &session;

    // (a) $50.30 is the sandbox's maintenance amount: 503 on create.
    s.click("start").await.expect("start");
    s.type_into("amount-input", "50.30").await.expect("amount");
    s.wait_for_text("quote-sats", "sats", 15)
        .await
        .expect("quote");
    s.click("continue").await.expect("continue");
    let error = s
        .wait_for_text("amount-submit-error", "maintenance", 15)
        .await
        .expect("the maintenance message");
    journey.shot("maintenance").await.expect("screenshot");
    assert!(
        error.contains("Try again in a few minutes"),
        "the message says what to do: {error}"
    );
    assert!(s
        .is_present("amount-submit-error-retry")
        .await
        .expect("query"));
    assert!(s.is_present("step-amount").await.expect("query"));
    assert!(!s.is_present("step-phone").await.expect("query"));
    s.type_into("amount-input", "55").await.expect("amount");
    s.wait_for_text("quote-sats", "sats", 15)
        .await
        .expect("quote");
    journey.shot("amount-changed").await.expect("screenshot");
    s.click("continue").await.expect("continue");
    s.find_test_id("step-phone")
        .await
        .expect("the flow goes on after maintenance");
    journey.phone(PHONE).await.expect("phone step");

    // (b) Destinations CardCoins cannot pay: each says why; Continue does not leave the step.
    for (step, destination, needle) in [
        ("typo-address", TYPO_ADDRESS, "checksum"),
        ("testnet-address", TESTNET_ADDRESS, "mainnet"),
        ("amount-invoice", amount_invoice.as_str(), "no amount"),
    ] {
        s.type_into("destination-input", destination)
            .await
            .expect("destination");
        s.wait_for_text("destination-error", needle, 10)
            .await
            .unwrap_or_else(|error| panic!("{step}: {error}"));
        s.click("continue").await.expect("continue");
        journey.shot(step).await.expect("screenshot");
        assert!(
            s.wait_for_text("destination-error", needle, 5)
                .await
                .is_ok(),
            "{step}: the message stays after Continue"
        );
        assert!(s.is_present("step-payout").await.expect("query"), "{step}");
        assert!(!s.is_present("step-photos").await.expect("query"), "{step}");
    }
    journey
        .payout(ADDRESS, "Bitcoin")
        .await
        .expect("a good address goes on");

    // (c) A text file named .jpg is refused by what it is, in its slot.
    journey.pick_file("Image1", &text).await.expect("pick");
    let refusal = s
        .wait_for_text("photo-error-Image1", "text file", 30)
        .await
        .expect("the not-an-image message");
    assert!(
        refusal.contains("Choose a photo"),
        "the message says what to choose: {refusal}"
    );
    journey.shot("not-an-image").await.expect("screenshot");
    assert!(s.is_present("step-photos").await.expect("query"));
    assert!(
        !s.is_present("photo-error-Image2").await.expect("query"),
        "only Image1 shows the message"
    );

    // A 60 MB PNG is more than the 5 MB upload limit: the app says it converted and shrank it,
    // and how big the upload is.
    journey.pick_file("Image1", &big).await.expect("pick");
    s.wait_for_text("photo-status-Image1", "Uploaded", 120)
        .await
        .expect("the big PNG is made to fit");
    // What was done to the photo is a detail, folded away until asked for.
    s.click("photo-details-Image1")
        .await
        .expect("details opened");
    let slot = s
        .wait_for_text("photo-slot-Image1", "converted from PNG", 5)
        .await
        .expect("the slot says what was done");
    assert!(slot.contains("scaled down from 5000 x 4200"), "{slot}");
    let size = s
        .find_test_id("photo-size-Image1")
        .await
        .expect("size line")
        .text()
        .await
        .expect("size text");
    assert!(upload_megabytes(&size) <= 5.0, "within 5 MB: {size}");
    assert!(!s.is_present("photo-error-Image1").await.expect("query"));
    journey.shot("big-png").await.expect("screenshot");
    // 63 MB is too much to leave behind in the temp folder on every run.
    let _ = std::fs::remove_file(&big);
    assert!(s.is_present("step-photos").await.expect("query"));

    // Then a good photo for Image2 completes the set.
    journey
        .photos(&[("Image2", &back)])
        .await
        .expect("photos step");
    journey.submit().await.expect("submit");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved");
    session.close().await.expect("close");
}

/// "Size to upload: 4.8 MB" -> 4.8; anything in KB or bytes counts as under a megabyte.
fn upload_megabytes(line: &str) -> f64 {
    match line.trim().strip_suffix(" MB") {
        Some(rest) => rest
            .rsplit(' ')
            .next()
            .and_then(|number| number.parse().ok())
            .unwrap_or(f64::MAX),
        None => 0.0,
    }
}

//! A zero-amount BOLT11 invoice payout: the invoice is signed in the test (a pasted one would
//! expire), the app accepts it as a Lightning invoice, the order completes, and the payout shows
//! a payment hash.

#![cfg(target_os = "linux")]

use cardcoins_e2e::invoices::fresh_invoice;
use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey, PHONE};
use cardcoins_e2e::{AppSession, AppSessionOptions};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zero_amount_invoice_payout() {
    let dir = scratch_dir("invoice");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let invoice = fresh_invoice(None).expect("invoice");
    assert!(
        invoice.starts_with("lnbc1"),
        "a mainnet invoice with no amount: {invoice}"
    );
    let session = AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "invoice").expect("journey");

    journey.amount("30").await.expect("amount step");
    journey.phone(PHONE).await.expect("phone step");
    session
        .type_into("destination-input", &invoice)
        .await
        .expect("invoice typed");
    session
        .wait_for_text("destination-kind", "Lightning invoice", 10)
        .await
        .expect("accepted as a Lightning invoice");
    assert!(
        !session.is_present("rbf-note").await.expect("query"),
        "the on-chain RBF note is not shown for a Lightning payout"
    );
    journey.shot("payout").await.expect("screenshot");
    journey.destination = Some(invoice.to_string());
    session.click("continue").await.expect("continue");
    session
        .find_test_id("step-photos")
        .await
        .expect("photos step");
    journey
        .photos(&[("Image1", &front), ("Image2", &back)])
        .await
        .expect("photos step");
    journey.submit().await.expect("submit");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved");

    let payout = session
        .wait_for_text("payout-summary", "sats", 10)
        .await
        .expect("payout details");
    // The invoice is long: the summary shows its ends, the whole is a click away (checked by
    // wait_for_status), and never a transaction id.
    assert!(
        payout.contains(&invoice[..7]),
        "the payout names the invoice: {payout}"
    );
    let hash = session
        .find_test_id("payout-hash")
        .await
        .expect("a payment hash")
        .text()
        .await
        .expect("hash text");
    assert!(
        hash.split_whitespace()
            .any(|word| word.len() == 64 && word.chars().all(|c| c.is_ascii_hexdigit())),
        "a 64-hex-digit payment hash: {hash}"
    );
    assert!(
        !session.is_present("payout-txid").await.expect("query"),
        "a Lightning payout has no transaction id"
    );
    session.close().await.expect("close");
}

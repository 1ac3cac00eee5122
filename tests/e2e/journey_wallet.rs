//! A seller sets their wallet in Settings (after trying to paste its private key, which is
//! refused and kept nowhere), then sells three cards: the first is paid to address #0, which the
//! payout watch follows; the second gets #1 and ends unpaid, so the third gets #1 again. The
//! command line shows the same addresses from the same wallet.

#![cfg(target_os = "linux")]

use std::path::Path;

use cardcoins_e2e::crash::post_sandbox_control;
use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey, PHONE};
use cardcoins_e2e::{app_binary, AppSession, AppSessionOptions};

/// BIP 84's account key ("abandon … about", m/84'/0'/0') and its first receive addresses.
const ZPUB: &str = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
const RECEIVE: [&str; 3] = [
    "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu",
    "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g",
    "bc1qp59yckz4ae5c4efgw2s5wfyvrz0ala7rgvuz8z",
];
/// The same wallet's root private key: what a seller must never paste anywhere.
const ZPRV: &str = "zprvAWgYBBk7JR8Gjrh4UJQ2uJdG1r3WNRRfURiABBE3RvMXYSrRJL62XuezvGdPvG6GFBZduosCc1YP5wixPox7zhZLfiUm8aunE96BBa4Kei5";
/// The practice keyring service and the wallet's entry in it.
const PRACTICE_SERVICE: &str = "co.cardcoins.desktop.sandbox";
const WALLET_ENTRY: &str = "cardcoins-wallet";

/// Every file under `folder` whose text holds `needle`.
fn files_holding(folder: &Path, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_holding(&path, needle));
        } else if std::fs::read(&path)
            .map(|bytes| String::from_utf8_lossy(&bytes).contains(needle))
            .unwrap_or(false)
        {
            found.push(path.display().to_string());
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_order_gets_a_fresh_address_and_an_unpaid_one_is_given_again() {
    let dir = scratch_dir("wallet");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let options = AppSessionOptions::sandbox_with_own_folders("wallet");
    let data_home = options
        .env
        .iter()
        .find(|(name, _)| name == "XDG_DATA_HOME")
        .map(|(_, value)| std::path::PathBuf::from(value))
        .expect("a data folder of its own");
    let session = AppSession::start(options).await.expect("app session");
    let mut journey = Journey::new(&session, "wallet").expect("journey");

    // Settings: the payout watch on, then the wallet.
    session.click("open-settings").await.expect("settings");
    session
        .click("settings-payout-watch")
        .await
        .expect("watch on");
    journey.scroll_to("wallet-settings").await.expect("scroll");
    session
        .type_into("wallet-input", ZPRV)
        .await
        .expect("typed");
    session.click("wallet-check").await.expect("check");
    let refusal = session
        .wait_for_text("wallet-error", "", 10)
        .await
        .expect("the private key is refused");
    assert!(!refusal.contains(&ZPRV[..12]), "{refusal}");
    let left = session
        .find_test_id("wallet-input")
        .await
        .expect("input")
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert!(
        left.is_empty(),
        "a private key is not left on screen: {left}"
    );
    journey.shot("wallet-private-refused").await.expect("shot");

    session
        .type_into("wallet-input", ZPUB)
        .await
        .expect("typed");
    session.click("wallet-check").await.expect("check");
    for (index, address) in RECEIVE.iter().enumerate() {
        session
            .wait_for_text(&format!("wallet-preview-address-{index}"), address, 10)
            .await
            .expect("the first addresses, to compare with the wallet");
    }
    journey.shot("wallet-preview").await.expect("shot");
    session.click("wallet-save").await.expect("use this wallet");
    session
        .wait_for_text("wallet-next", RECEIVE[0], 10)
        .await
        .expect("the next order gets #0");
    journey.scroll_to("wallet-settings").await.expect("scroll");
    journey.shot("wallet-set").await.expect("shot");
    journey.save_settings().await.expect("settings saved");

    // The first sale: paid to #0, and the payout watch follows it there.
    journey.amount("55.00").await.expect("amount");
    journey.phone(PHONE).await.expect("phone");
    journey
        .payout_from_wallet(0, RECEIVE[0])
        .await
        .expect("#0 offered");
    journey
        .photos(&[("Image1", &front), ("Image2", &back)])
        .await
        .expect("photos");
    journey.submit().await.expect("sent for review");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved");
    session
        .wait_for_text("payout-wallet-address", "#0", 10)
        .await
        .expect("the approval names the wallet's address number");
    session
        .wait_for_text("payout-watch-headline", "Payment seen", 30)
        .await
        .expect("the payout to #0 seen on chain");
    journey.scroll_to("your-bitcoin").await.expect("scroll");
    journey.shot("paid-to-0").await.expect("shot");

    // The second sale gets #1 and ends unpaid.
    journey
        .another_sale("new-order", "44.00")
        .await
        .expect("amount");
    journey.phone(PHONE).await.expect("phone");
    journey
        .payout_from_wallet(1, RECEIVE[1])
        .await
        .expect("#1 offered: #0 was paid");
    let origin = journey
        .sandbox_origin
        .clone()
        .expect("the sandbox's origin");
    let ended = post_sandbox_control(&origin, "orders/expire", r#"{"amount_cents": 4400}"#)
        .expect("the order ends unpaid");
    assert!(ended.contains("\"expired\":1"), "{ended}");
    // Settings learns it as the seller would: the next address goes back to #1 once the app has
    // asked about the second order again (at most one question per order every 10 s).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        session.click("open-settings").await.expect("settings");
        let next = session
            .wait_for_text("wallet-next", "#", 10)
            .await
            .expect("the next address");
        if next.contains(RECEIVE[1]) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the ended order never gave #1 back: {next}"
        );
        session.click("back").await.expect("back");
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
    journey.scroll_to("wallet-settings").await.expect("scroll");
    journey.shot("wallet-given-back").await.expect("shot");

    // The third sale, begun from Your orders: #1 is given again.
    session.click("open-history").await.expect("history");
    journey
        .another_sale("new-sale", "30.00")
        .await
        .expect("amount");
    journey.phone(PHONE).await.expect("phone");
    journey
        .payout_from_wallet(1, RECEIVE[1])
        .await
        .expect("#1 again: only CardCoins saw it");

    // The command line reads the same wallet and agrees.
    let cli = app_binary().with_file_name("cardcoins");
    let shown = std::process::Command::new(&cli)
        .args(["wallet", "show", "--practice", "--data-dir"])
        .arg(data_home.join("co.cardcoins.desktop"))
        .output()
        .unwrap_or_else(|error| panic!("{} runs: {error}", cli.display()));
    let shown = String::from_utf8_lossy(&shown.stdout).to_string();
    for (index, address) in RECEIVE.iter().enumerate() {
        assert!(shown.contains(&format!("#{index}  {address}")), "{shown}");
    }
    assert!(
        shown.contains(&format!("next: #2  {}", RECEIVE[2])),
        "{shown}"
    );

    // The private key is in no file, log or keyring entry; the wallet's key is in the keyring.
    for folder in [&data_home, &dir] {
        let holding = files_holding(folder, &ZPRV[..24]);
        assert!(
            holding.is_empty(),
            "the private key was written: {holding:?}"
        );
    }
    let kept = keyring::Entry::new(PRACTICE_SERVICE, WALLET_ENTRY)
        .and_then(|entry| entry.get_password())
        .expect("the wallet's key in the keyring");
    assert!(kept.starts_with("wpkh(") && !kept.contains("prv"), "{kept}");
    assert!(
        files_holding(&data_home, &kept[5..40]).is_empty(),
        "the wallet's key is only in the keyring"
    );
    session.close().await.expect("close");
}

//! The seller's wallet, end to end against the in-process sandbox: fresh addresses for orders in
//! a row, an ended order's address given again, a used address skipped, private keys refused.

use std::time::Duration;

use cardcoins_core::ErrorCode;
use cardcoins_sandbox::ManualClock;

use crate::flow_tests::practice_in;
use crate::state::AppState;
use crate::{orders, wallet};

/// BIP 84's account key (m/84'/0'/0' of "abandon … about") and its first receive addresses.
const ZPUB: &str = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
const RECEIVE: [&str; 3] = [
    "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu",
    "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g",
    "bc1qp59yckz4ae5c4efgw2s5wfyvrz0ala7rgvuz8z",
];
/// The same account as a descriptor with its key origin, as Sparrow exports it.
const DESCRIPTOR: &str = "wpkh([73c5da0a/84'/0'/0']xpub6CatWdiZiodmUeTDp8LT5or8nmbKNcuyvz7WyksVFkKB4RHwCD3XyuvPEbvqAQY3rAPshWcMLoP2fMFMKHPJ4ZeZXYVUhLv1VMrjPC7PW6V/0/*)";
/// BIP 84's root private key: what a seller must never paste.
const ZPRV: &str = "zprvAWgYBBk7JR8Gjrh4UJQ2uJdG1r3WNRRfURiABBE3RvMXYSrRJL62XuezvGdPvG6GFBZduosCc1YP5wixPox7zhZLfiUm8aunE96BBa4Kei5";

/// A new order with its phone confirmed: the payout step comes next. Its handle.
async fn order_at_payout(state: &AppState, amount_cents: u64) -> String {
    let sandbox = state.sandbox().expect("practising");
    crate::flow_tests::order_at_payout(state, sandbox, amount_cents).await
}

async fn record_of(state: &AppState, handle: &str) -> cardcoins_vault::OrderRecord {
    let handle = handle.to_string();
    state
        .vault(move |vault| vault.get(&handle))
        .await
        .expect("in the vault")
}

/// Offers the order its fresh address, sends the payout step with it; the number it got.
async fn pay_from_wallet(state: &AppState, handle: &str) -> u32 {
    let offered = wallet::fresh_address(state, handle).await.expect("offered");
    wallet::submit_payment_from_wallet(state, handle, None, None, None)
        .await
        .expect("payout step sent");
    let record = record_of(state, handle).await;
    let given = record.wallet_address.expect("the order keeps its number");
    assert_eq!(
        given.index, offered.index,
        "the address offered is the one sent"
    );
    let sent = record.destination.expect("destination kept").text;
    assert_eq!(sent, RECEIVE[given.index as usize]);
    given.index
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_in_a_row_get_fresh_addresses_and_an_ended_order_gives_its_back() {
    let folder = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::starting_now();
    let state = practice_in(folder.path(), None, Some(&clock)).await;

    let preview = wallet::check_wallet(ZPUB).expect("a zpub reads");
    assert_eq!(preview.kind, "p2wpkh");
    let shown: Vec<&str> = preview
        .addresses
        .iter()
        .map(|a| a.address.as_str())
        .collect();
    assert_eq!(
        shown, RECEIVE,
        "the first addresses, as the wallet lists them"
    );
    assert!(
        wallet::get_wallet(&state).await.expect("read").is_none(),
        "checking keeps nothing"
    );
    let view = wallet::set_wallet(&state, ZPUB).await.expect("kept");
    assert_eq!(view.next.as_ref().map(|n| n.index), Some(0));
    assert_eq!(view.in_flight, 0);

    let first = order_at_payout(&state, 5500).await;
    assert_eq!(pay_from_wallet(&state, &first).await, 0);
    let second = order_at_payout(&state, 2000).await;
    assert_eq!(pay_from_wallet(&state, &second).await, 1, "#0 is held");
    let view = wallet::get_wallet(&state)
        .await
        .expect("read")
        .expect("set");
    assert_eq!(view.in_flight, 2);
    assert_eq!(view.next.as_ref().map(|n| n.index), Some(2));

    // A second try of the same order's payout step keeps its address.
    let again = wallet::fresh_address(&state, &first)
        .await
        .expect("offered");
    assert_eq!((again.index, again.held_by_this_order), (0, true));

    // Both orders pass their end without approval: the server forgets them, which the wallet
    // asks about before it hands out the next address.
    clock.advance(Duration::from_secs(25 * 60 * 60));
    let view = wallet::get_wallet(&state)
        .await
        .expect("read")
        .expect("set");
    assert_eq!(view.in_flight, 0, "ended orders hold nothing");
    assert_eq!(
        view.next.as_ref().map(|n| n.index),
        Some(0),
        "only CardCoins saw #0: it is given again"
    );
    let third = order_at_payout(&state, 3000).await;
    assert_eq!(pay_from_wallet(&state, &third).await, 0);

    // A payout step that fails on the way still holds its address for that order...
    let fourth = order_at_payout(&state, 4000).await;
    let sandbox = state.sandbox().expect("practising");
    sandbox.set_fault(Some(cardcoins_sandbox::Fault::Maintenance));
    wallet::submit_payment_from_wallet(&state, &fourth, None, None, None)
        .await
        .expect_err("CardCoins is resting");
    sandbox.set_fault(None);
    let held = record_of(&state, &fourth).await.wallet_address;
    assert_eq!(held.map(|given| given.index), Some(1));
    let view = wallet::get_wallet(&state)
        .await
        .expect("read")
        .expect("set");
    assert_eq!(view.next.as_ref().map(|n| n.index), Some(2), "#1 is held");

    // ...until the seller pastes an address instead: then it is given back.
    orders::submit_payment(&state, &fourth, RECEIVE[2], None, None, None)
        .await
        .expect("pasted address sent");
    assert_eq!(record_of(&state, &fourth).await.wallet_address, None);
    let view = wallet::get_wallet(&state)
        .await
        .expect("read")
        .expect("set");
    assert_eq!(view.next.as_ref().map(|n| n.index), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_the_chain_has_seen_is_skipped_for_good() {
    let folder = tempfile::tempdir().expect("temp dir");
    let state = practice_in(folder.path(), None, None).await;
    let mut settings = state.settings();
    settings.payout_watch = true;
    state.replace_settings(settings).expect("watch on");
    wallet::set_wallet(&state, ZPUB).await.expect("kept");
    state
        .sandbox()
        .expect("practising")
        .add_earlier_payment(RECEIVE[0], 12_345, 30)
        .expect("an earlier payment");

    let order = order_at_payout(&state, 5500).await;
    assert_eq!(pay_from_wallet(&state, &order).await, 1, "#0 has history");
    let view = wallet::get_wallet(&state)
        .await
        .expect("read")
        .expect("set");
    assert_eq!(view.next.as_ref().map(|n| n.index), Some(2));

    // Removed and set again, pasted as a descriptor this time, the same wallet still never
    // gives #0 or #1.
    wallet::forget_wallet(&state).await.expect("removed");
    let view = wallet::set_wallet(&state, DESCRIPTOR)
        .await
        .expect("kept again");
    assert_eq!(view.origin, "wpkh([73c5da0a/84'/0'/0'])");
    assert_eq!(view.next.as_ref().map(|n| n.index), Some(2));

    // The exports name the address's number, and BIP-329 its wallet's origin.
    let rows = crate::records::export_rows(&state, false)
        .await
        .expect("rows");
    let given = rows[0].wallet_address.as_ref().expect("a wallet address");
    assert_eq!(given.index, 1);
    let mut labels = Vec::new();
    crate::records::write_export(
        &rows,
        crate::records::ExportFormat::Bip329,
        false,
        &mut labels,
    )
    .expect("labels");
    let labels = String::from_utf8(labels).expect("UTF-8");
    assert!(labels.contains(RECEIVE[1]), "{labels}");
    assert!(
        labels.contains("\"origin\":\"wpkh([73c5da0a/84'/0'/0'])\""),
        "{labels}"
    );
    assert!(!labels.contains("xpub"), "{labels}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_keys_are_refused_and_kept_nowhere() {
    let folder = tempfile::tempdir().expect("temp dir");
    let state = practice_in(folder.path(), None, None).await;
    let words = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    for secret in [ZPRV, words] {
        let refused = wallet::check_wallet(secret).expect_err("refused");
        assert_eq!(refused.code, ErrorCode::WalletPrivateKey);
        let refused = wallet::set_wallet(&state, secret)
            .await
            .expect_err("refused");
        assert_eq!(refused.code, ErrorCode::WalletPrivateKey);
        let shown = format!(
            "{refused:?} {}",
            refused.words(cardcoins_catalog::Catalog::english())
        );
        assert!(!shown.contains(&secret[..12]), "{shown}");
    }
    assert!(wallet::get_wallet(&state).await.expect("read").is_none());
    for entry in std::fs::read_dir(folder.path()).expect("data folder") {
        let path = entry.expect("entry").path();
        if let Ok(text) = std::fs::read_to_string(&path) {
            assert!(!text.contains(&ZPRV[..20]), "{}", path.display());
            assert!(!text.contains("abandon"), "{}", path.display());
        }
    }
    let refused = wallet::check_wallet("tpubD6NzVbkrYhZ4XgiXtGrdW5XDAPFCL9h7we1vwNCpn8tGbBcgfVYjXyYZJ7Ja7SuRbVR6pnyHNGrz66ShDHRwGqAmbm5MUGvs6sjUZeDXnfr").expect_err("a test-network key");
    assert_eq!(refused.code, ErrorCode::InvalidWallet);
    let missing = wallet::fresh_address(&state, "no-such-order")
        .await
        .expect_err("no wallet");
    assert_eq!(missing.code, ErrorCode::WalletNotSet);
}

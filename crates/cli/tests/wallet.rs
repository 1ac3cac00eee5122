//! `cardcoins wallet` and `cardcoins payment --fresh-address`: the same addresses as the app for
//! the same key (BIP 84's published ones, which the app's own tests check too), in the app's
//! data folder, and a fresh one for each payout step.

mod common;

use common::start_sandbox;

/// BIP 84's account key and its first receive addresses.
const ZPUB: &str = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
const RECEIVE: [&str; 3] = [
    "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu",
    "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g",
    "bc1qp59yckz4ae5c4efgw2s5wfyvrz0ala7rgvuz8z",
];
/// BIP 32's first test vector's master private key.
const XPRV: &str = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";

#[test]
fn check_lists_the_addresses_the_wallet_shows_and_refuses_private_keys() {
    let sandbox = start_sandbox();
    let listed = sandbox.ok_with_stdin(&["wallet", "check", "-"], Some(ZPUB), None);
    for (index, address) in RECEIVE.iter().enumerate() {
        assert!(listed.contains(&format!("#{index}  {address}")), "{listed}");
    }

    let refused = sandbox.run(&["--json", "wallet", "check", "-"], Some(XPRV));
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("\"wallet_private_key\""), "{stderr}");
    assert!(!stderr.contains(&XPRV[..16]), "{stderr}");
}

#[test]
fn each_payout_step_gets_the_next_address() {
    let sandbox = start_sandbox();
    let data = tempfile::tempdir().expect("temp dir");
    let data_dir = data.path().display().to_string();
    let place = ["--data-dir", data_dir.as_str()];
    // Under scripts/with-keyring.sh the key goes to the keyring; elsewhere to the file, by OK.
    let mut set = vec!["wallet", "set", "-"];
    set.extend_from_slice(&place);
    if std::env::var_os("KEYRING_TEST_HOME").is_none() {
        set.push("--allow-plain-file");
    }
    let shown = sandbox.ok_with_stdin(&set, Some(ZPUB), None);
    assert!(
        shown.contains(&format!("next: #0  {}", RECEIVE[0])),
        "{shown}"
    );

    for (expected, amount) in [(0, "5500"), (1, "2000")] {
        let mut next = vec!["wallet", "next"];
        next.extend_from_slice(&place);
        let offered = sandbox.json(&next, None);
        assert_eq!(offered["index"], expected, "{offered}");
        assert_eq!(offered["address"], RECEIVE[expected], "{offered}");

        let id = sandbox.order_at_payout(amount);
        let mut payment = vec!["payment", id.as_str(), "--fresh-address"];
        payment.extend_from_slice(&place);
        sandbox.ok(&payment, Some(&id));
        let order = sandbox.json(&["order", "get", &id], Some(&id));
        let sent = order.to_string();
        assert!(sent.contains(RECEIVE[expected]), "{sent}");
    }
    let mut next = vec!["wallet", "next"];
    next.extend_from_slice(&place);
    let third = sandbox.ok(&next, None);
    assert_eq!(third.trim(), format!("#2  {}", RECEIVE[2]));
}

//! One wallet, BIP 84's account 0, pasted in each form wallets export it: every form gives the
//! same addresses, and what the app stores parses back into the same wallet.

use std::str::FromStr;

use bitcoin::bip32::{ChildNumber, Xpub};
use bitcoin::secp256k1::Secp256k1;
use cardcoins_wallet::{Network, WalletKind, WatchOnlyWallet};

const ZPUB: &str = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
const XPUB: &str = "xpub6CatWdiZiodmUeTDp8LT5or8nmbKNcuyvz7WyksVFkKB4RHwCD3XyuvPEbvqAQY3rAPshWcMLoP2fMFMKHPJ4ZeZXYVUhLv1VMrjPC7PW6V";
const FIRST_TWO: [&str; 2] = [
    "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu",
    "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g",
];

/// The forms, checksums as Sparrow and Bitcoin Core print them (`'` and `h` hardened markers
/// give different checksums for the same descriptor).
fn forms() -> Vec<String> {
    vec![
        ZPUB.to_string(),
        format!("  {ZPUB}\n"),
        format!("wpkh([73c5da0a/84'/0'/0']{XPUB}/0/*)"),
        format!("wpkh([73c5da0a/84'/0'/0']{XPUB}/0/*)#wc3n3van"),
        format!("wpkh([73c5da0a/84h/0h/0h]{XPUB}/0/*)#afwvtk2s"),
        format!("wpkh([73c5da0a/84'/0'/0']{XPUB}/<0;1>/*)#hpg6d6w2"),
        format!("wpkh([73c5da0a/84h/0h/0h]{XPUB}/<0;1>/*)#qf45pmyh"),
        format!("wpkh([73c5da0a/84h/0h/0h]{XPUB}/<0;1>/*)"),
    ]
}

fn addresses(wallet: &WatchOnlyWallet) -> Vec<String> {
    wallet
        .receive_addresses(0..2)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn every_form_gives_the_same_addresses() {
    for form in forms() {
        let wallet = WatchOnlyWallet::parse(&form, Network::Bitcoin)
            .unwrap_or_else(|error| panic!("{form}: {error}"));
        assert_eq!(wallet.kind(), WalletKind::NativeSegwit);
        assert_eq!(wallet.network(), Network::Bitcoin);
        assert_eq!(addresses(&wallet), FIRST_TWO, "{form}");
    }
}

#[test]
fn the_stored_descriptor_parses_back_into_the_same_wallet() {
    for form in forms() {
        let wallet = WatchOnlyWallet::parse(&form, Network::Bitcoin).unwrap();
        let stored = wallet.descriptor();
        let again = WatchOnlyWallet::parse(&stored, Network::Bitcoin).unwrap();
        assert_eq!(again, wallet, "{form}");
        assert_eq!(again.descriptor(), stored);
        assert_eq!(addresses(&again), FIRST_TWO);
    }
}

#[test]
fn the_stored_descriptor_is_the_receive_chain_with_a_checksum() {
    let multipath = format!("wpkh([73c5da0a/84h/0h/0h]{XPUB}/<0;1>/*)#qf45pmyh");
    assert_eq!(
        WatchOnlyWallet::parse(&multipath, Network::Bitcoin)
            .unwrap()
            .descriptor(),
        format!("wpkh([73c5da0a/84'/0'/0']{XPUB}/0/*)#wc3n3van")
    );
    // A bare zpub says nothing of its origin: the same key, plainly.
    let descriptor = WatchOnlyWallet::parse(ZPUB, Network::Bitcoin)
        .unwrap()
        .descriptor();
    assert!(descriptor.starts_with(&format!("wpkh({XPUB}/0/*)#")));
}

#[test]
fn origin_and_fingerprint() {
    let with_origin = WatchOnlyWallet::parse(
        &format!("wpkh([73c5da0a/84h/0h/0h]{XPUB}/0/*)"),
        Network::Bitcoin,
    )
    .unwrap();
    assert_eq!(with_origin.origin(), "wpkh([73c5da0a/84'/0'/0'])");
    assert_eq!(with_origin.fingerprint().unwrap().to_string(), "73c5da0a");

    let bare = WatchOnlyWallet::parse(ZPUB, Network::Bitcoin).unwrap();
    assert_eq!(bare.origin(), "wpkh()");
    assert_eq!(bare.fingerprint(), None);

    let nested = WatchOnlyWallet::parse(
        &format!("sh(wpkh([73c5da0a/49'/0'/0']{XPUB}/0/*))"),
        Network::Bitcoin,
    )
    .unwrap();
    assert_eq!(nested.origin(), "sh(wpkh([73c5da0a/49'/0'/0']))");

    // The mnemonic's master key (BIP 32's m), with no origin: it is its own.
    let master = "xpub661MyMwAqRbcFkPHucMnrGNzDwb6teAX1RbKQmqtEF8kK3Z7LZ59qafCjB9eCRLiTVG3uxBxgKvRgbubRhqSKXnGGb1aoaqLrpMBDrVxga8";
    let from_master =
        WatchOnlyWallet::parse(&format!("pkh({master}/0/*)"), Network::Bitcoin).unwrap();
    assert_eq!(from_master.fingerprint().unwrap().to_string(), "73c5da0a");
    assert_eq!(from_master.origin(), "pkh([73c5da0a])");
}

#[test]
fn a_key_without_a_chain_step_is_taken_as_it_is() {
    // Some wallets export the receive chain's own key, m/84'/0'/0'/0, as KEY/*.
    let account = Xpub::from_str(XPUB).unwrap();
    let chain = account
        .derive_pub(&Secp256k1::verification_only(), &[ChildNumber::from(0)])
        .unwrap();
    let wallet = WatchOnlyWallet::parse(
        &format!("wpkh([73c5da0a/84'/0'/0'/0]{chain}/*)"),
        Network::Bitcoin,
    )
    .unwrap();
    assert_eq!(addresses(&wallet), FIRST_TWO);
    assert_eq!(wallet.origin(), "wpkh([73c5da0a/84'/0'/0'/0])");
}

#[test]
fn debug_shows_no_key() {
    for form in forms() {
        let wallet = WatchOnlyWallet::parse(&form, Network::Bitcoin).unwrap();
        let debug = format!("{wallet:?}");
        assert_eq!(
            debug,
            "WatchOnlyWallet { kind: NativeSegwit, network: Bitcoin, .. }"
        );
    }
}

#[test]
fn address_indexes_stop_before_hardened_ones() {
    let wallet = WatchOnlyWallet::parse(ZPUB, Network::Bitcoin).unwrap();
    assert!(wallet.receive_address((1 << 31) - 1).is_ok());
    let refused = wallet.receive_address(1 << 31).unwrap_err();
    assert_eq!(refused.code(), "index_out_of_range");
    assert!(refused.to_string().contains("2147483648"));
    assert!(wallet
        .receive_addresses((1 << 31) - 1..(1 << 31) + 1)
        .is_err());
    assert!(wallet.receive_addresses(5..5).unwrap().is_empty());
}

//! BIP 380 descriptor checksums: its test vectors, and what a typo in a real descriptor gives.

use cardcoins_wallet::{strip_checksum, Network, WalletError, WatchOnlyWallet};

const XPUB: &str = "xpub6CatWdiZiodmUeTDp8LT5or8nmbKNcuyvz7WyksVFkKB4RHwCD3XyuvPEbvqAQY3rAPshWcMLoP2fMFMKHPJ4ZeZXYVUhLv1VMrjPC7PW6V";

#[test]
fn bip380_valid() {
    assert_eq!(
        strip_checksum("raw(deadbeef)#89f8spxm"),
        Ok("raw(deadbeef)")
    );
    // No checksum at all is allowed.
    assert_eq!(strip_checksum("raw(deadbeef)"), Ok("raw(deadbeef)"));
}

#[test]
fn bip380_invalid() {
    for (case, text) in [
        ("missing checksum", "raw(deadbeef)#"),
        ("too long checksum", "raw(deadbeef)#89f8spxmx"),
        ("too short checksum", "raw(deadbeef)#89f8spx"),
        ("error in payload", "raw(deedbeef)#89f8spxm"),
        ("error in checksum", "raw(deedbeef)##9f8spxm"),
    ] {
        assert_eq!(
            strip_checksum(text),
            Err(WalletError::BadChecksum),
            "{case}"
        );
    }
    assert_eq!(
        strip_checksum("raw(Ü)#00000000"),
        Err(WalletError::Unrecognized),
        "invalid characters in payload"
    );
}

#[test]
fn a_right_checksum_on_something_that_is_no_wallet() {
    // raw() passes its checksum but is a script, not a wallet.
    assert_eq!(
        WatchOnlyWallet::parse("raw(deadbeef)#89f8spxm", Network::Bitcoin).unwrap_err(),
        WalletError::Unrecognized
    );
    assert_eq!(
        WatchOnlyWallet::parse("raw(deadbeef)#89f8spxn", Network::Bitcoin).unwrap_err(),
        WalletError::BadChecksum
    );
}

#[test]
fn a_one_character_typo_in_a_real_descriptor() {
    let exported = format!("wpkh([73c5da0a/84'/0'/0']{XPUB}/0/*)#wc3n3van");
    assert!(WatchOnlyWallet::parse(&exported, Network::Bitcoin).is_ok());

    let in_checksum = exported.replace("#wc3n3van", "#wc3n3vam");
    let in_fingerprint = exported.replace("73c5da0a", "73c5da0b");
    let in_path = exported.replace("/84'/0'/0'", "/84'/0'/1'");
    let in_key = exported.replace("nmbKN", "nmbKM");
    let in_key_no_checksum = exported
        .replace("xpub6CatW", "xpub6CatV")
        .replace("#wc3n3van", "");
    for typo in [
        in_checksum,
        in_fingerprint,
        in_path,
        in_key,
        in_key_no_checksum,
    ] {
        assert_ne!(typo, exported);
        assert_eq!(
            WatchOnlyWallet::parse(&typo, Network::Bitcoin).unwrap_err(),
            WalletError::BadChecksum,
            "{typo}"
        );
    }
}

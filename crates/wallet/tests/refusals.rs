//! What the app must not accept, each with its own error, and no error repeating what was
//! pasted.

use cardcoins_wallet::{Network, WalletError, WatchOnlyWallet};

/// BIP 84's account 0 (the receive chain is /0/*), BIP 86's and BIP 44's: three real keys.
const XPUB: &str = "xpub6CatWdiZiodmUeTDp8LT5or8nmbKNcuyvz7WyksVFkKB4RHwCD3XyuvPEbvqAQY3rAPshWcMLoP2fMFMKHPJ4ZeZXYVUhLv1VMrjPC7PW6V";
const XPUB_86: &str = "xpub6BgBgsespWvERF3LHQu6CnqdvfEvtMcQjYrcRzx53QJjSxarj2afYWcLteoGVky7D3UKDP9QyrLprQ3VCECoY49yfdDEHGCtMMj92pReUsQ";
const XPUB_44: &str = "xpub6BosfCnifzxcFwrSzQiqu2DBVTshkCXacvNsWGYJVVhhawA7d4R5WSWGFNbi8Aw6ZRc1brxMyWMzG3DSSSSoekkudhUd9yLb6qx39T9nMdj";
const ZPUB: &str = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
/// BIP 49's testnet account key, as upub and as the plain tpub.
const UPUB: &str = "upub5EFU65HtV5TeiSHmZZm7FUffBGy8UKeqp7vw43jYbvZPpoVsgU93oac7Wk3u6moKegAEWtGNF8DehrnHtv21XXEMYRUocHqguyjknFHYfgY";
const TPUB: &str = "tpubDD7tXK8KeQ3YY83yWq755fHY2JW8Ha8Q765tknUM5rSvjPcGWfUppDFMpQ1ScziKfW3ZNtZvAD7M3u7bSs7HofjTD3KP3YxPK7X6hwV8Rk2";

/// BIP 32's test vector 1 master key, BIP 84's account zprv, BIP 49's account uprv.
const XPRV: &str = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
const ZPRV: &str = "zprvAdG4iTXWBoARxkkzNpNh8r6Qag3irQB8PzEMkAFeTRXxHpbF9z4QgEvBRmfvqWvGp42t42nvgGpNgYSJA9iefm1yYNZKEm7z6qUWCroSQnE";
const UPRV: &str = "uprv91G7gZkzehuMVxDJTYE6tLivdF8e4rvzSu1LFfKw3b2Qx1Aj8vpoFnHdfUZ3hmi9jsvPifmZ24RTN2KhwB8BfMLTVqaBReibyaFFcTP1s9n";
const WIF: &str = "L4rK1yDtCWekvXuE6oXD9jCYfFNV2cWRpVuPLBcCU2z8TrisoyY1";
const SEED: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

fn refused(text: &str, network: Network) -> WalletError {
    let error = WatchOnlyWallet::parse(text, network)
        .err()
        .unwrap_or_else(|| panic!("accepted: {text}"));
    assert_no_echo(text, &error);
    error
}

/// Neither the message nor the Debug form holds any piece of the input longer than 8 characters.
fn assert_no_echo(input: &str, error: &WalletError) {
    let chars: Vec<char> = input.chars().collect();
    for shown in [error.to_string(), format!("{error:?}")] {
        for window in chars.windows(9) {
            let piece: String = window.iter().collect();
            assert!(
                !shown.contains(&piece),
                "{:?} shows {piece:?} of its input",
                error.code()
            );
        }
    }
}

#[test]
fn private_material() {
    let cases = [
        (XPRV.to_string(), WalletError::PrivateKey),
        (ZPRV.to_string(), WalletError::PrivateKey),
        (UPRV.to_string(), WalletError::PrivateKey),
        (format!("  {WIF}  "), WalletError::PrivateKey),
        (SEED.to_string(), WalletError::SeedWords),
        (
            format!("{SEED} abandon abandon abandon"),
            WalletError::SeedWords,
        ),
        (
            format!("wpkh([73c5da0a/84'/0'/0']{XPRV}/0/*)"),
            WalletError::PrivateKey,
        ),
        (format!("tr({WIF})"), WalletError::PrivateKey),
        // A private key with a typo is no key at all to a parser, but still private.
        (XPRV.replacen("3QTDL", "3QTDM", 1), WalletError::PrivateKey),
        (
            format!("wsh(multi(2,{XPUB}/0/*,{ZPRV}/0/*))"),
            WalletError::PrivateKey,
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(refused(&text, Network::Bitcoin), expected, "{text}");
    }
}

#[test]
fn several_keys() {
    for text in [
        format!("wsh(multi(2,[73c5da0a/48'/0'/0'/2']{XPUB}/0/*,{XPUB_86}/0/*))"),
        format!("wsh(sortedmulti(2,{XPUB}/0/*,{XPUB_86}/0/*,{XPUB_44}/0/*))"),
        format!("sh(multi(1,{XPUB}/0/*,{XPUB_86}/0/*))"),
        format!("sh(wsh(multi(2,{XPUB}/0/*,{XPUB_86}/0/*)))"),
        format!("tr({XPUB}/0/*,pk({XPUB_86}/0/*))"),
    ] {
        assert_eq!(
            refused(&text, Network::Bitcoin),
            WalletError::MultiKey,
            "{text}"
        );
    }
}

#[test]
fn another_network() {
    for text in [
        TPUB.to_string(),
        UPUB.to_string(),
        format!("sh(wpkh([73c5da0a/49'/1'/0']{TPUB}/0/*))"),
    ] {
        assert_eq!(
            refused(&text, Network::Bitcoin),
            WalletError::TestNetworkKey,
            "{text}"
        );
    }
    assert_eq!(
        refused(TPUB, Network::Bitcoin).to_string(),
        "This key is for a test network, not for real bitcoin. Paste the key of a wallet for real bitcoin."
    );
    for network in [Network::Testnet, Network::Signet, Network::Regtest] {
        assert_eq!(refused(ZPUB, network), WalletError::MainNetworkKey);
    }
}

#[test]
fn the_change_chain() {
    for text in [
        format!("wpkh([73c5da0a/84'/0'/0']{XPUB}/1/*)"),
        format!("wpkh([73c5da0a/84'/0'/0']{XPUB}/<1;0>/*)"),
    ] {
        let error = refused(&text, Network::Bitcoin);
        assert_eq!(error, WalletError::ChangeChain, "{text}");
        assert!(error.to_string().contains("/0/*"));
    }
}

#[test]
fn one_address_not_a_wallet() {
    for text in [
        format!("wpkh([73c5da0a/84'/0'/0']{XPUB})"),
        format!("wpkh([73c5da0a/84'/0'/0']{XPUB}/0/0)"),
        "wpkh(0330d54fd0dd420a6e5f8d3624f5f3482cae350f79d5f0753bf5beef9c2d91af3c)".to_string(),
        "tr(cc8a4bc64d897bddc5fbc2f670f7a8ba0b386779106cf1223c6fc5d7cd6fc115)".to_string(),
    ] {
        assert_eq!(
            refused(&text, Network::Bitcoin),
            WalletError::NotRanged,
            "{text}"
        );
    }
}

#[test]
fn derivation_that_needs_the_private_key() {
    for text in [
        format!("wpkh({XPUB}/0h/*)"),
        format!("wpkh({XPUB}/0/*h)"),
        format!("wpkh({XPUB}/0/*')"),
    ] {
        assert_eq!(
            refused(&text, Network::Bitcoin),
            WalletError::HardenedDerivation,
            "{text}"
        );
    }
}

#[test]
fn other_single_key_scripts() {
    for text in [
        format!("wsh(pkh({XPUB}/0/*))"),
        format!("sh(pkh({XPUB}/0/*))"),
        format!("pk({XPUB}/0/*)"),
    ] {
        assert_eq!(
            refused(&text, Network::Bitcoin),
            WalletError::UnsupportedScript,
            "{text}"
        );
    }
}

#[test]
fn nothing_and_garbage() {
    assert_eq!(refused("", Network::Bitcoin), WalletError::Empty);
    assert_eq!(refused(" \n\t ", Network::Bitcoin), WalletError::Empty);
    for text in [
        "hello",
        "my wallet",
        "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu",
        "addr(bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu)",
        "wpkh(",
        "wpkh()",
        &format!("wpkh({ZPUB}/0/*)"),
        &format!("{XPUB}/0/*"),
        "Bitcoin",
    ] {
        assert_eq!(
            refused(text, Network::Bitcoin),
            WalletError::Unrecognized,
            "{text}"
        );
    }
}

#[test]
fn a_mistyped_or_cut_extended_key() {
    let typo = ZPUB.replacen("Q2Aij", "Q2Aik", 1);
    assert_eq!(refused(&typo, Network::Bitcoin), WalletError::BadChecksum);
    assert_eq!(
        refused(&XPUB[..100], Network::Bitcoin),
        WalletError::BadChecksum
    );
}

//! Addresses from the BIPs' and SLIP-132's published vectors, all from the mnemonic
//! "abandon abandon … about". Where a vector publishes only private keys, or only an address,
//! the public key the wallet is given is derived here from the published private data, so
//! each vector is checked against its source and not merely trusted.

use std::str::FromStr;

use bitcoin::base58;
use bitcoin::bip32::{DerivationPath, Xpriv, Xpub};
use bitcoin::secp256k1::Secp256k1;
use cardcoins_wallet::{Network, WalletKind, WatchOnlyWallet};

/// BIP 84's root key for the mnemonic (zprv: BIP 32's xprv with SLIP-132 version bytes).
const ROOT_ZPRV: &str = "zprvAWgYBBk7JR8Gjrh4UJQ2uJdG1r3WNRRfURiABBE3RvMXYSrRJL62XuezvGdPvG6GFBZduosCc1YP5wixPox7zhZLfiUm8aunE96BBa4Kei5";
const BIP84_ACCOUNT_ZPRV: &str = "zprvAdG4iTXWBoARxkkzNpNh8r6Qag3irQB8PzEMkAFeTRXxHpbF9z4QgEvBRmfvqWvGp42t42nvgGpNgYSJA9iefm1yYNZKEm7z6qUWCroSQnE";
const BIP84_ACCOUNT_ZPUB: &str = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
const MASTER_FINGERPRINT: &str = "73c5da0a";

const XPRV: [u8; 4] = [0x04, 0x88, 0xad, 0xe4];
const TPRV: [u8; 4] = [0x04, 0x35, 0x83, 0x94];
const ZPRV: [u8; 4] = [0x04, 0xb2, 0x43, 0x0c];
const ZPUB: [u8; 4] = [0x04, 0xb2, 0x47, 0x46];
const UPUB: [u8; 4] = [0x04, 0x4a, 0x52, 0x62];
const UPRV: [u8; 4] = [0x04, 0x4a, 0x4e, 0x28];

/// The same key with other SLIP-132 version bytes.
fn with_version(key: &str, version: [u8; 4]) -> String {
    let mut data = base58::decode_check(key).unwrap();
    data[..4].copy_from_slice(&version);
    base58::encode_check(&data)
}

fn root() -> Xpriv {
    Xpriv::from_str(&with_version(ROOT_ZPRV, XPRV)).unwrap()
}

fn account(root: &Xpriv, path: &str) -> (Xpriv, Xpub) {
    let secp = Secp256k1::new();
    let path = DerivationPath::from_str(path).unwrap();
    let account = root.derive_priv(&secp, &path).unwrap();
    (account, Xpub::from_priv(&secp, &account))
}

fn addresses(wallet: &WatchOnlyWallet, count: u32) -> Vec<String> {
    wallet
        .receive_addresses(0..count)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_root_key_is_the_mnemonics() {
    let secp = Secp256k1::new();
    assert_eq!(root().fingerprint(&secp).to_string(), MASTER_FINGERPRINT);
}

#[test]
fn bip84_account_zpub() {
    let (account_xprv, account_xpub) = account(&root(), "m/84'/0'/0'");
    assert_eq!(
        with_version(&account_xprv.to_string(), ZPRV),
        BIP84_ACCOUNT_ZPRV
    );
    assert_eq!(
        with_version(&account_xpub.to_string(), ZPUB),
        BIP84_ACCOUNT_ZPUB
    );

    let wallet = WatchOnlyWallet::parse(BIP84_ACCOUNT_ZPUB, Network::Bitcoin).unwrap();
    assert_eq!(wallet.kind(), WalletKind::NativeSegwit);
    assert_eq!(
        addresses(&wallet, 2),
        [
            "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu",
            "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g",
        ]
    );
}

#[test]
fn bip86_taproot_descriptor() {
    let account_xpub = "xpub6BgBgsespWvERF3LHQu6CnqdvfEvtMcQjYrcRzx53QJjSxarj2afYWcLteoGVky7D3UKDP9QyrLprQ3VCECoY49yfdDEHGCtMMj92pReUsQ";
    // BIP 86 gives its own root key for the mnemonic: the same one.
    let bip86_root = Xpriv::from_str("xprv9s21ZrQH143K3GJpoapnV8SFfukcVBSfeCficPSGfubmSFDxo1kuHnLisriDvSnRRuL2Qrg5ggqHKNVpxR86QEC8w35uxmGoggxtQTPvfUu").unwrap();
    assert_eq!(bip86_root, root());
    assert_eq!(
        account(&bip86_root, "m/86'/0'/0'").1.to_string(),
        account_xpub
    );

    let descriptor = format!("tr([{MASTER_FINGERPRINT}/86'/0'/0']{account_xpub}/0/*)");
    let wallet = WatchOnlyWallet::parse(&descriptor, Network::Bitcoin).unwrap();
    assert_eq!(wallet.kind(), WalletKind::Taproot);
    assert_eq!(
        addresses(&wallet, 2),
        [
            "bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr",
            "bc1p4qhjn9zdvkux4e44uhx8tc55attvtyu358kutcqkudyccelu0was9fqzwh",
        ]
    );
    assert_eq!(wallet.origin(), "tr([73c5da0a/86'/0'/0'])");
}

#[test]
fn bip49_testnet_upub_and_descriptor() {
    // BIP 49's vectors are on testnet, from the same mnemonic, as uprv/upub.
    let master = Xpriv::from_str(&with_version(
        "uprv8tXDerPXZ1QsVNjUJWTurs9kA1KGfKUAts74GCkcXtU8GwnH33GDRbNJpEqTvipfCyycARtQJhmdfWf8oKt41X9LL1zeD2pLsWmxEk3VAwd",
        TPRV,
    ))
    .unwrap();
    let account_uprv = "uprv91G7gZkzehuMVxDJTYE6tLivdF8e4rvzSu1LFfKw3b2Qx1Aj8vpoFnHdfUZ3hmi9jsvPifmZ24RTN2KhwB8BfMLTVqaBReibyaFFcTP1s9n";
    let account_upub = "upub5EFU65HtV5TeiSHmZZm7FUffBGy8UKeqp7vw43jYbvZPpoVsgU93oac7Wk3u6moKegAEWtGNF8DehrnHtv21XXEMYRUocHqguyjknFHYfgY";
    let (account_tprv, account_tpub) = account(&master, "m/49'/1'/0'");
    assert_eq!(with_version(&account_tprv.to_string(), UPRV), account_uprv);
    assert_eq!(with_version(&account_tpub.to_string(), UPUB), account_upub);

    let fingerprint = master.fingerprint(&Secp256k1::new());
    let descriptor = format!("sh(wpkh([{fingerprint}/49'/1'/0']{account_tpub}/0/*))");
    for text in [account_upub, descriptor.as_str()] {
        let wallet = WatchOnlyWallet::parse(text, Network::Testnet).unwrap();
        assert_eq!(wallet.kind(), WalletKind::NestedSegwit);
        assert_eq!(
            wallet.receive_address(0).unwrap().to_string(),
            "2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2"
        );
    }
}

#[test]
fn slip132_mainnet_ypub() {
    // SLIP-132's Bitcoin vectors: m/49'/0'/0' of the mnemonic.
    let ypub = "ypub6Ww3ibxVfGzLrAH1PNcjyAWenMTbbAosGNB6VvmSEgytSER9azLDWCxoJwW7Ke7icmizBMXrzBx9979FfaHxHcrArf3zbeJJJUZPf663zsP";
    let (_, account_xpub) = account(&root(), "m/49'/0'/0'");
    assert_eq!(
        with_version(&account_xpub.to_string(), [0x04, 0x9d, 0x7c, 0xb2]),
        ypub
    );
    let wallet = WatchOnlyWallet::parse(ypub, Network::Bitcoin).unwrap();
    assert_eq!(wallet.kind(), WalletKind::NestedSegwit);
    assert_eq!(
        wallet.receive_address(0).unwrap().to_string(),
        "37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf"
    );
}

#[test]
fn bip44_legacy_xpub() {
    // BIP 44 has no vectors; SLIP-132 publishes this account key and address for the mnemonic.
    let account_xpub = "xpub6BosfCnifzxcFwrSzQiqu2DBVTshkCXacvNsWGYJVVhhawA7d4R5WSWGFNbi8Aw6ZRc1brxMyWMzG3DSSSSoekkudhUd9yLb6qx39T9nMdj";
    assert_eq!(account(&root(), "m/44'/0'/0'").1.to_string(), account_xpub);
    let descriptor = format!("pkh([{MASTER_FINGERPRINT}/44'/0'/0']{account_xpub}/0/*)");
    for text in [account_xpub, descriptor.as_str()] {
        let wallet = WatchOnlyWallet::parse(text, Network::Bitcoin).unwrap();
        assert_eq!(wallet.kind(), WalletKind::Legacy);
        assert_eq!(
            wallet.receive_address(0).unwrap().to_string(),
            "1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA"
        );
    }
}

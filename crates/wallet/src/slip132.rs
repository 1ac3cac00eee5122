//! Extended keys as wallets show them: xpub, ypub, zpub and their test-network forms.
//!
//! BIP 32 defines only `xpub`/`tpub`. Wallets following BIP 49 and 84 (Electrum, Trezor,
//! Ledger Live, BlueWallet, Samourai) tell the address type through other version bytes instead,
//! registered in SLIP-132. Neither bitcoin nor miniscript reads those, so this is the one place
//! the crate touches key bytes itself: base58check-decode, swap the 4 version bytes for the plain
//! `xpub`/`tpub` ones, and hand the rest to [`Xpub::decode`], which checks it like any xpub.
//! The address type the version implied becomes the descriptor's script. The table (SLIP-132,
//! Bitcoin rows):
//!
//! | version      | prefix | network | address type       | becomes                  |
//! |--------------|--------|---------|--------------------|--------------------------|
//! | `0x0488b21e` | xpub   | main    | P2PKH (BIP 44)     | `pkh(xpub/0/*)`          |
//! | `0x049d7cb2` | ypub   | main    | P2WPKH in P2SH (49)| `sh(wpkh(xpub/0/*))`     |
//! | `0x04b24746` | zpub   | main    | P2WPKH (BIP 84)    | `wpkh(xpub/0/*)`         |
//! | `0x043587cf` | tpub   | test    | P2PKH              | `pkh(tpub/0/*)`          |
//! | `0x044a5262` | upub   | test    | P2WPKH in P2SH     | `sh(wpkh(tpub/0/*))`     |
//! | `0x045f1cf6` | vpub   | test    | P2WPKH             | `wpkh(tpub/0/*)`         |
//! | `0x0295b43f` | Ypub   | main    | multisig P2SH-P2WSH| refused: several keys    |
//! | `0x02aa7ed3` | Zpub   | main    | multisig P2WSH     | refused: several keys    |
//! | `0x024289ef` | Upub   | test    | multisig P2SH-P2WSH| refused: several keys    |
//! | `0x02575483` | Vpub   | test    | multisig P2WSH     | refused: several keys    |
//!
//! and the private forms, all refused: xprv `0x0488ade4`, yprv `0x049d7878`, zprv `0x04b2430c`,
//! tprv `0x04358394`, uprv `0x044a4e28`, vprv `0x045f18bc`, Yprv `0x0295b005`, Zprv `0x02aa7a99`,
//! Uprv `0x024285b5`, Vprv `0x02575048`.

use bitcoin::base58;
use bitcoin::bip32::Xpub;
use bitcoin::NetworkKind;

use crate::{WalletError, WalletKind};

const XPUB: [u8; 4] = [0x04, 0x88, 0xb2, 0x1e];
const TPUB: [u8; 4] = [0x04, 0x35, 0x87, 0xcf];

enum Role {
    SingleKey(WalletKind, NetworkKind),
    Multisig,
    Private,
}

const VERSIONS: [([u8; 4], Role); 20] = [
    (XPUB, Role::SingleKey(WalletKind::Legacy, NetworkKind::Main)),
    (
        [0x04, 0x9d, 0x7c, 0xb2],
        Role::SingleKey(WalletKind::NestedSegwit, NetworkKind::Main),
    ),
    (
        [0x04, 0xb2, 0x47, 0x46],
        Role::SingleKey(WalletKind::NativeSegwit, NetworkKind::Main),
    ),
    (TPUB, Role::SingleKey(WalletKind::Legacy, NetworkKind::Test)),
    (
        [0x04, 0x4a, 0x52, 0x62],
        Role::SingleKey(WalletKind::NestedSegwit, NetworkKind::Test),
    ),
    (
        [0x04, 0x5f, 0x1c, 0xf6],
        Role::SingleKey(WalletKind::NativeSegwit, NetworkKind::Test),
    ),
    ([0x02, 0x95, 0xb4, 0x3f], Role::Multisig),
    ([0x02, 0xaa, 0x7e, 0xd3], Role::Multisig),
    ([0x02, 0x42, 0x89, 0xef], Role::Multisig),
    ([0x02, 0x57, 0x54, 0x83], Role::Multisig),
    ([0x04, 0x88, 0xad, 0xe4], Role::Private),
    ([0x04, 0x9d, 0x78, 0x78], Role::Private),
    ([0x04, 0xb2, 0x43, 0x0c], Role::Private),
    ([0x04, 0x35, 0x83, 0x94], Role::Private),
    ([0x04, 0x4a, 0x4e, 0x28], Role::Private),
    ([0x04, 0x5f, 0x18, 0xbc], Role::Private),
    ([0x02, 0x95, 0xb0, 0x05], Role::Private),
    ([0x02, 0xaa, 0x7a, 0x99], Role::Private),
    ([0x02, 0x42, 0x85, 0xb5], Role::Private),
    ([0x02, 0x57, 0x50, 0x48], Role::Private),
];

/// How the table's public keys begin once base58-encoded.
const PUBLIC_PREFIXES: [&str; 10] = [
    "xpub", "ypub", "zpub", "tpub", "upub", "vpub", "Ypub", "Zpub", "Upub", "Vpub",
];

/// BIP 32's serialization: 4 version bytes, then 74 bytes of key data.
const EXTENDED_KEY_LEN: usize = 78;

/// Reads a bare extended key in any of the table's public forms, as a plain xpub/tpub and the
/// address type its version bytes imply.
pub(crate) fn decode(text: &str) -> Result<(Xpub, WalletKind), WalletError> {
    let mut data = base58::decode_check(text).map_err(|error| match error {
        // Any base58 text fails a checksum; only a key's is worth calling a typo.
        base58::Error::IncorrectChecksum(_)
            if PUBLIC_PREFIXES.iter().any(|p| text.starts_with(p)) =>
        {
            WalletError::BadChecksum
        }
        _ => WalletError::Unrecognized,
    })?;
    if data.len() != EXTENDED_KEY_LEN {
        return Err(WalletError::Unrecognized);
    }
    let (kind, network) = match VERSIONS.iter().find(|(bytes, _)| data[..4] == bytes[..]) {
        Some((_, Role::SingleKey(kind, network))) => (*kind, *network),
        Some((_, Role::Multisig)) => return Err(WalletError::MultiKey),
        Some((_, Role::Private)) => return Err(WalletError::PrivateKey),
        None => return Err(WalletError::Unrecognized),
    };
    let plain = match network {
        NetworkKind::Main => XPUB,
        NetworkKind::Test => TPUB,
    };
    data[..4].copy_from_slice(&plain);
    let xpub = Xpub::decode(&data).map_err(|_| WalletError::Unrecognized)?;
    Ok((xpub, kind))
}

/// Re-encodes a plain xpub/tpub with the version bytes its wallet would show: tests compare
/// against published ypub/zpub strings with it.
#[cfg(test)]
pub(crate) fn encode(xpub: &Xpub, kind: WalletKind) -> String {
    let version = VERSIONS
        .iter()
        .find_map(|(bytes, role)| match role {
            Role::SingleKey(k, n) if *k == kind && *n == xpub.network => Some(*bytes),
            _ => None,
        })
        .expect("every single-key kind but taproot has a version");
    let mut data = xpub.encode();
    data[..4].copy_from_slice(&version);
    base58::encode_check(&data)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIP84_ZPUB: &str = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";

    #[test]
    fn a_zpub_is_an_xpub_with_other_version_bytes() {
        let (xpub, kind) = decode(BIP84_ZPUB).unwrap();
        assert_eq!(kind, WalletKind::NativeSegwit);
        assert_eq!(xpub.network, NetworkKind::Main);
        assert_eq!(xpub.depth, 3);
        assert!(xpub.to_string().starts_with("xpub"));
        assert_eq!(encode(&xpub, kind), BIP84_ZPUB);
        assert_eq!(decode(&xpub.to_string()).unwrap().1, WalletKind::Legacy);
    }

    #[test]
    fn a_typo_fails_the_base58_checksum() {
        let typo = BIP84_ZPUB.replacen("Q2Aij", "Q2Aik", 1);
        assert_eq!(decode(&typo), Err(WalletError::BadChecksum));
        assert_eq!(decode(&BIP84_ZPUB[..60]), Err(WalletError::BadChecksum));
        assert_eq!(decode("zpub0OIl"), Err(WalletError::Unrecognized));
        assert_eq!(decode("Bitcoin"), Err(WalletError::Unrecognized));
    }

    #[test]
    fn multisig_and_unknown_versions_are_refused() {
        let (xpub, _) = decode(BIP84_ZPUB).unwrap();
        let mut data = xpub.encode();
        data[..4].copy_from_slice(&[0x02, 0xaa, 0x7e, 0xd3]);
        let zpub_multisig = base58::encode_check(&data);
        assert!(zpub_multisig.starts_with("Zpub"));
        assert_eq!(decode(&zpub_multisig), Err(WalletError::MultiKey));
        data[..4].copy_from_slice(&[0x01, 0x9d, 0xa4, 0x62]);
        assert_eq!(
            decode(&base58::encode_check(&data)),
            Err(WalletError::Unrecognized)
        );
    }
}

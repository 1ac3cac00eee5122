//! From pasted public text to one receive descriptor: a single ranged key in pkh, sh(wpkh),
//! wpkh or key-only tr, for the asked network, on the receive chain.

use bitcoin::bip32::{ChildNumber, DerivationPath, Xpub};
use bitcoin::secp256k1::Secp256k1;
use bitcoin::{Network, NetworkKind};
use miniscript::descriptor::{DescriptorType, DescriptorXKey, Wildcard};
use miniscript::{Descriptor, DescriptorPublicKey, ForEachKey};

use crate::checksum::strip_checksum;
use crate::{slip132, WalletError, WalletKind};

/// The wallet's receive chain: `descriptor` holds exactly `key`.
pub(crate) struct Receive {
    pub(crate) descriptor: Descriptor<DescriptorPublicKey>,
    pub(crate) key: DescriptorXKey<Xpub>,
    pub(crate) kind: WalletKind,
}

/// A bare xpub/ypub/zpub/tpub/upub/vpub, taken as a BIP 44/49/84 account key: its receive
/// chain is `/0/*`. The key's origin is unknown (only a descriptor tells it).
pub(crate) fn from_extended_key(text: &str, network: Network) -> Result<Receive, WalletError> {
    let (xkey, kind) = slip132::decode(text)?;
    check_network(&xkey, network)?;
    let key = DescriptorXKey {
        origin: None,
        xkey,
        derivation_path: DerivationPath::from(vec![ChildNumber::Normal { index: 0 }]),
        wildcard: Wildcard::Unhardened,
    };
    let public = DescriptorPublicKey::XPub(key.clone());
    let descriptor = match kind {
        WalletKind::Legacy => Descriptor::new_pkh(public),
        WalletKind::NestedSegwit => Descriptor::new_sh_wpkh(public),
        WalletKind::NativeSegwit => Descriptor::new_wpkh(public),
        WalletKind::Taproot => Descriptor::new_tr(public, None),
    }
    .map_err(|_| WalletError::Unrecognized)?;
    Ok(Receive {
        descriptor,
        key,
        kind,
    })
}

/// An output descriptor as Sparrow, Electrum, Bitcoin Core or a hardware wallet exports it.
///
/// Multipath `/<0;1>/*` gives its first path, the receive chain. `KEY/*` with no chain step is
/// taken as it is: some wallets export exactly that, and whatever `KEY` is, its children are
/// what that wallet watches. Only a last step of `1` is refused: by BIP 44's convention that is
/// the change chain, whose addresses the seller's wallet takes for its own change, so a payout
/// there would look like change and the wallet could reuse the address itself.
pub(crate) fn from_descriptor(text: &str, network: Network) -> Result<Receive, WalletError> {
    let body = strip_checksum(text)?;
    let secp = Secp256k1::signing_only();
    let (descriptor, private_keys) =
        Descriptor::parse_descriptor(&secp, body).map_err(|_| unreadable(body))?;
    if !private_keys.is_empty() {
        return Err(WalletError::PrivateKey);
    }
    let descriptor = descriptor
        .into_single_descriptors()
        .map_err(|_| WalletError::Unrecognized)?
        .into_iter()
        .next()
        .ok_or(WalletError::Unrecognized)?;
    let kind = kind_of(&descriptor)?;
    let key = match only_key(&descriptor) {
        Some(DescriptorPublicKey::XPub(key)) => key,
        Some(DescriptorPublicKey::Single(_)) => return Err(WalletError::NotRanged),
        _ => return Err(WalletError::Unrecognized),
    };
    check_network(&key.xkey, network)?;
    check_chain(&key)?;
    Ok(Receive {
        descriptor,
        key,
        kind,
    })
}

fn kind_of(descriptor: &Descriptor<DescriptorPublicKey>) -> Result<WalletKind, WalletError> {
    let mut keys = 0;
    descriptor.for_each_key(|_| {
        keys += 1;
        true
    });
    match (descriptor, descriptor.desc_type()) {
        (_, DescriptorType::Pkh) => Ok(WalletKind::Legacy),
        (_, DescriptorType::ShWpkh) => Ok(WalletKind::NestedSegwit),
        (_, DescriptorType::Wpkh) => Ok(WalletKind::NativeSegwit),
        (Descriptor::Tr(tr), _) if tr.tap_tree().is_none() => Ok(WalletKind::Taproot),
        // A script tree: other keys or conditions could spend, and the seller's wallet must
        // know them all; that is not a wallet this app hands addresses out of.
        (Descriptor::Tr(_), _) => Err(WalletError::MultiKey),
        _ if keys > 1 => Err(WalletError::MultiKey),
        _ => Err(WalletError::UnsupportedScript),
    }
}

fn only_key(descriptor: &Descriptor<DescriptorPublicKey>) -> Option<DescriptorPublicKey> {
    let mut found = None;
    descriptor.for_each_key(|key| {
        found = Some(key.clone());
        true
    });
    found
}

fn check_network(xkey: &Xpub, network: Network) -> Result<(), WalletError> {
    match (NetworkKind::from(network), xkey.network) {
        (NetworkKind::Main, NetworkKind::Test) => Err(WalletError::TestNetworkKey),
        (NetworkKind::Test, NetworkKind::Main) => Err(WalletError::MainNetworkKey),
        _ => Ok(()),
    }
}

fn check_chain(key: &DescriptorXKey<Xpub>) -> Result<(), WalletError> {
    match key.wildcard {
        Wildcard::None => return Err(WalletError::NotRanged),
        Wildcard::Hardened => return Err(WalletError::HardenedDerivation),
        Wildcard::Unhardened => {}
    }
    if key
        .derivation_path
        .as_ref()
        .iter()
        .any(ChildNumber::is_hardened)
    {
        return Err(WalletError::HardenedDerivation);
    }
    match key.derivation_path.as_ref().last() {
        Some(ChildNumber::Normal { index: 1 }) => Err(WalletError::ChangeChain),
        _ => Ok(()),
    }
}

/// miniscript's parse errors carry pieces of the text, so none is kept. One case is worth
/// telling apart: an extended key in it whose own base58 checksum fails, which is a typo.
fn unreadable(body: &str) -> WalletError {
    // An extended key is 111 characters; nothing else in a descriptor comes close.
    const EXTENDED_KEY_MIN: usize = 100;
    let mistyped_key = body
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|token| token.len() >= EXTENDED_KEY_MIN)
        .any(|token| slip132::decode(token) == Err(WalletError::BadChecksum));
    if mistyped_key {
        WalletError::BadChecksum
    } else {
        WalletError::Unrecognized
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The BIP 32 test vector 1 master key: parse_descriptor turns it into its xpub and a
    /// non-empty key map. (`refuse_private` stops it earlier in `parse`; this is the second
    /// guard, for private key forms the text checks do not know.)
    #[test]
    fn a_descriptor_with_a_private_key_is_refused_by_its_key_map() {
        let xprv = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
        let result = from_descriptor(&format!("wpkh({xprv}/0/*)"), Network::Bitcoin);
        assert!(matches!(result, Err(WalletError::PrivateKey)));
    }
}

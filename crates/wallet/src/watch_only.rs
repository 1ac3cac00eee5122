use std::fmt;
use std::ops::Range;

use bitcoin::bip32::{Fingerprint, Xpub};
use bitcoin::secp256k1::Secp256k1;
use bitcoin::{Address, Network};
use miniscript::descriptor::DescriptorXKey;
use miniscript::{Descriptor, DescriptorPublicKey};

use crate::{private_material, receive, WalletError, WalletKind};

/// BIP 32 public derivation gives indexes below 2^31; the rest are hardened.
const FIRST_HARDENED: u32 = 1 << 31;

/// The seller's wallet as CardCoins may know it: public keys only, receive chain only.
///
/// Anyone holding the key can list every address the seller ever gets paid at, so it is kept
/// like an order ID: `Debug` shows the kind and network only, and no error carries it. What the
/// app stores is [`WatchOnlyWallet::descriptor`], which parses back into the same wallet.
#[derive(Clone, PartialEq, Eq)]
pub struct WatchOnlyWallet {
    descriptor: Descriptor<DescriptorPublicKey>,
    key: DescriptorXKey<Xpub>,
    kind: WalletKind,
    network: Network,
}

impl WatchOnlyWallet {
    /// Reads what the seller pasted: an extended public key (xpub, ypub, zpub, tpub, upub, vpub)
    /// or a single-key output descriptor (`pkh`, `sh(wpkh)`, `wpkh`, `tr`), with or without key
    /// origin and `#checksum`.
    ///
    /// `network` is the one the app pays on (`Network::Bitcoin`); keys for another are refused.
    /// Private keys and seed words are refused before any parsing.
    pub fn parse(text: &str, network: Network) -> Result<Self, WalletError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(WalletError::Empty);
        }
        private_material::refuse_private(text)?;
        let receive = if text.contains('(') {
            receive::from_descriptor(text, network)?
        } else {
            receive::from_extended_key(text, network)?
        };
        Ok(WatchOnlyWallet {
            descriptor: receive.descriptor,
            key: receive.key,
            kind: receive.kind,
            network,
        })
    }

    pub fn kind(&self) -> WalletKind {
        self.kind
    }

    pub fn network(&self) -> Network {
        self.network
    }

    /// The receive address at `index` (`/0/index` for an account key).
    pub fn receive_address(&self, index: u32) -> Result<Address, WalletError> {
        self.address_with(&Secp256k1::verification_only(), index)
    }

    /// The receive addresses at each index of `indexes`, in order.
    pub fn receive_addresses(&self, indexes: Range<u32>) -> Result<Vec<Address>, WalletError> {
        let secp = Secp256k1::verification_only();
        indexes
            .map(|index| self.address_with(&secp, index))
            .collect()
    }

    fn address_with(
        &self,
        secp: &Secp256k1<bitcoin::secp256k1::VerifyOnly>,
        index: u32,
    ) -> Result<Address, WalletError> {
        if index >= FIRST_HARDENED {
            return Err(WalletError::IndexOutOfRange { index });
        }
        self.descriptor
            .derived_descriptor(secp, index)
            .map_err(|_| WalletError::Derivation)?
            .address(self.network)
            .map_err(|_| WalletError::Derivation)
    }

    /// The receive descriptor with its checksum, e.g.
    /// `wpkh([73c5da0a/84'/0'/0']xpub…/0/*)#…`: what the app stores. A pasted zpub comes back
    /// as the equivalent `wpkh(xpub…/0/*)`, a multipath descriptor as its receive path.
    pub fn descriptor(&self) -> String {
        self.descriptor.to_string()
    }

    /// BIP 329's `origin`, "an abbreviated output descriptor" naming the wallet without its key,
    /// child path or checksum, e.g. `wpkh([d34db33f/84'/0'/0'])`.
    ///
    /// The key origin comes from the descriptor's `[fingerprint/path]`; a master key (depth 0)
    /// is its own origin. A bare account xpub/zpub does not say where it came from, so then
    /// only the script is given, with nothing inside: `wpkh()`.
    pub fn origin(&self) -> String {
        let inside = match (&self.key.origin, self.fingerprint()) {
            (Some((fingerprint, path)), _) if !path.is_empty() => {
                format!("[{fingerprint}/{path}]")
            }
            (_, Some(fingerprint)) => format!("[{fingerprint}]"),
            (_, None) => String::new(),
        };
        self.kind.wrap(&inside)
    }

    /// The master key's fingerprint, when the descriptor gave its origin or the key is the
    /// master key itself. A bare account key's own fingerprint field names its parent, not the
    /// master, so it is not given.
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        match &self.key.origin {
            Some((fingerprint, _)) => Some(*fingerprint),
            None if self.key.xkey.depth == 0 => Some(self.key.xkey.fingerprint()),
            None => None,
        }
    }

    /// A name for the wallet that is the same however its key was pasted (a zpub, or a
    /// descriptor with or without origin and checksum), since it names the receive chain by its
    /// first address; a hash, so it gives nothing of the key away. The app keeps which addresses
    /// were used under this name.
    pub fn id(&self) -> Result<String, WalletError> {
        use bitcoin::hashes::{sha256, Hash};
        let first = self.receive_address(0)?.to_string();
        let digest = sha256::Hash::hash(first.as_bytes());
        Ok(digest.as_byte_array()[..8]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect())
    }
}

impl fmt::Debug for WatchOnlyWallet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WatchOnlyWallet")
            .field("kind", &self.kind)
            .field("network", &self.network)
            .finish_non_exhaustive()
    }
}

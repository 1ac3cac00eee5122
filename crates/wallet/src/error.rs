use thiserror::Error;

/// Why a pasted key or descriptor was refused, or an address could not be given.
///
/// No variant holds any of the pasted text: what was pasted may be a private key or seed words,
/// and even a public key links every payout to the seller. The app shows its own sentence for
/// each [`WalletError::code`]; the English here is the fallback.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WalletError {
    #[error("Nothing was pasted. Paste your wallet's extended public key (xpub, ypub or zpub) or its output descriptor.")]
    Empty,

    #[error("This is a private key: it can spend your bitcoin. Never paste it anywhere. Paste your wallet's public key (xpub, ypub or zpub) or its public descriptor instead.")]
    PrivateKey,

    #[error("These look like seed words: they can spend your bitcoin. Never type them into any app. Paste your wallet's public key (xpub, ypub or zpub) or its public descriptor instead.")]
    SeedWords,

    /// Multisig, or a taproot script tree: CardCoins pays one address that one key can spend.
    #[error("This is a wallet with several keys or spending conditions (multisig or a script tree). Paste the descriptor of a single-key wallet.")]
    MultiKey,

    /// One key, but in a script other than pkh, sh(wpkh), wpkh or tr.
    #[error("This descriptor's address type is not supported. Paste a pkh, sh(wpkh), wpkh or tr descriptor.")]
    UnsupportedScript,

    /// A tpub, upub or vpub (or a descriptor of one) where real bitcoin is asked for.
    #[error("This key is for a test network, not for real bitcoin.")]
    TestNetworkKey,

    /// An xpub, ypub or zpub where a test network is asked for.
    #[error("This key is for real bitcoin, but the app is using a test network.")]
    MainNetworkKey,

    #[error("This descriptor gives change addresses (it ends in /1/*). Paste your wallet's receive descriptor, the one ending in /0/*.")]
    ChangeChain,

    /// A single public key, or an extended key without `/*`: one address, not a wallet.
    #[error("This gives one address, not a wallet. Paste your wallet's extended public key, or a descriptor ending in /0/*.")]
    NotRanged,

    /// A hardened step after the extended key (`/0h/*`, `/*h`): only the private key derives it.
    #[error("This descriptor needs the private key to make its addresses. Paste the receive descriptor your wallet exports, ending in /0/*.")]
    HardenedDerivation,

    /// A descriptor checksum or an extended key's built-in checksum does not match: a character
    /// was mistyped, or the copy was cut short.
    #[error("A character is wrong or missing: the checksum does not match. Copy it again from your wallet rather than typing it.")]
    BadChecksum,

    #[error("This is not an extended public key or an output descriptor this app can read.")]
    Unrecognized,

    /// BIP 32 public derivation stops at 2^31 - 1.
    #[error("Address number {index} is beyond the last one a wallet can derive.")]
    IndexOutOfRange { index: u32 },

    /// Deriving an address failed after the wallet was accepted (not expected to happen).
    #[error("The address could not be derived from this wallet.")]
    Derivation,
}

impl WalletError {
    /// A stable name for the app's catalog and for tests; never changes once released.
    pub fn code(&self) -> &'static str {
        match self {
            WalletError::Empty => "empty",
            WalletError::PrivateKey => "private_key",
            WalletError::SeedWords => "seed_words",
            WalletError::MultiKey => "multi_key",
            WalletError::UnsupportedScript => "unsupported_script",
            WalletError::TestNetworkKey => "test_network_key",
            WalletError::MainNetworkKey => "main_network_key",
            WalletError::ChangeChain => "change_chain",
            WalletError::NotRanged => "not_ranged",
            WalletError::HardenedDerivation => "hardened_derivation",
            WalletError::BadChecksum => "bad_checksum",
            WalletError::Unrecognized => "unrecognized",
            WalletError::IndexOutOfRange { .. } => "index_out_of_range",
            WalletError::Derivation => "derivation_failed",
        }
    }

    /// The values a translated sentence needs, by name: empty for every variant without data.
    pub fn values(&self) -> Vec<(&'static str, String)> {
        match self {
            WalletError::IndexOutOfRange { index } => vec![("index", index.to_string())],
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_snake_case() {
        let all = [
            WalletError::Empty,
            WalletError::PrivateKey,
            WalletError::SeedWords,
            WalletError::MultiKey,
            WalletError::UnsupportedScript,
            WalletError::TestNetworkKey,
            WalletError::MainNetworkKey,
            WalletError::ChangeChain,
            WalletError::NotRanged,
            WalletError::HardenedDerivation,
            WalletError::BadChecksum,
            WalletError::Unrecognized,
            WalletError::IndexOutOfRange { index: 1 << 31 },
            WalletError::Derivation,
        ];
        let mut codes: Vec<_> = all.iter().map(WalletError::code).collect();
        assert!(codes
            .iter()
            .all(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_')));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for error in &all {
            assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn only_the_index_carries_a_value() {
        assert_eq!(
            WalletError::IndexOutOfRange {
                index: 2_147_483_648
            }
            .values(),
            vec![("index", "2147483648".to_string())]
        );
        assert!(WalletError::BadChecksum.values().is_empty());
    }
}

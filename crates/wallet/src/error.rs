use std::fmt;

use cardcoins_core::Reason;

/// Why a pasted key or descriptor was refused, or an address could not be given.
///
/// No variant holds any of the pasted text: what was pasted may be a private key or seed words,
/// and even a public key links every payout to the seller. The app shows its own sentence for
/// each [`WalletError::reason`]; `Display` is that sentence in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalletError {
    Empty,

    PrivateKey,

    SeedWords,

    /// Multisig, or a taproot script tree: CardCoins pays one address that one key can spend.
    MultiKey,

    /// One key, but in a script other than pkh, sh(wpkh), wpkh or tr.
    UnsupportedScript,

    /// A tpub, upub or vpub (or a descriptor of one) where real bitcoin is asked for.
    TestNetworkKey,

    /// An xpub, ypub or zpub where a test network is asked for.
    MainNetworkKey,

    ChangeChain,

    /// A single public key, or an extended key without `/*`: one address, not a wallet.
    NotRanged,

    /// A hardened step after the extended key (`/0h/*`, `/*h`): only the private key derives it.
    HardenedDerivation,

    /// A descriptor checksum or an extended key's built-in checksum does not match: a character
    /// was mistyped, or the copy was cut short.
    BadChecksum,

    Unrecognized,

    /// BIP 32 public derivation stops at 2^31 - 1.
    IndexOutOfRange {
        index: u32,
    },

    /// Deriving an address failed after the wallet was accepted (not expected to happen).
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

    /// What is wrong and what to do, as a catalog message and its values.
    pub fn reason(&self) -> Reason {
        let id = match self {
            WalletError::Empty => "reason-wallet-empty",
            WalletError::PrivateKey => "reason-wallet-private-key",
            WalletError::SeedWords => "reason-wallet-seed-words",
            WalletError::MultiKey => "reason-wallet-multi-key",
            WalletError::UnsupportedScript => "reason-wallet-unsupported-script",
            WalletError::TestNetworkKey => "reason-wallet-test-network",
            WalletError::MainNetworkKey => "reason-wallet-main-network",
            WalletError::ChangeChain => "reason-wallet-change-chain",
            WalletError::NotRanged => "reason-wallet-not-ranged",
            WalletError::HardenedDerivation => "reason-wallet-hardened",
            WalletError::BadChecksum => "reason-wallet-bad-checksum",
            WalletError::Unrecognized => "reason-wallet-unrecognized",
            WalletError::Derivation => "reason-wallet-derivation",
            WalletError::IndexOutOfRange { index } => {
                return Reason::new("reason-wallet-index-out-of-range").with(
                    "index",
                    cardcoins_core::ReasonArg::Digits(u64::from(*index)),
                );
            }
        };
        Reason::new(id)
    }
}

impl fmt::Display for WalletError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reason().fmt(f)
    }
}

impl std::error::Error for WalletError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_error() -> [WalletError; 14] {
        [
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
        ]
    }

    #[test]
    fn codes_are_distinct_snake_case() {
        let all = every_error();
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
    fn every_refusal_reads_its_catalog_message() {
        for error in every_error() {
            let english = error
                .reason()
                .check()
                .unwrap_or_else(|problem| panic!("{problem}"));
            assert_eq!(english, error.to_string());
        }
        assert!(WalletError::IndexOutOfRange { index: 1 << 31 }
            .to_string()
            .contains("2147483648"));
    }
}

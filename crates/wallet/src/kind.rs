/// The address type a watch-only wallet gives, which decides what its addresses look like
/// (`1…`, `3…`, `bc1q…`, `bc1p…`) and which BIP its account follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WalletKind {
    /// `pkh`, BIP 44: P2PKH addresses.
    Legacy,
    /// `sh(wpkh)`, BIP 49: P2WPKH inside P2SH.
    NestedSegwit,
    /// `wpkh`, BIP 84: P2WPKH.
    NativeSegwit,
    /// `tr` with a key only, BIP 86: P2TR.
    Taproot,
}

impl WalletKind {
    /// A stable name for the app's catalog: the output type's usual name.
    pub fn code(self) -> &'static str {
        match self {
            WalletKind::Legacy => "p2pkh",
            WalletKind::NestedSegwit => "p2sh-p2wpkh",
            WalletKind::NativeSegwit => "p2wpkh",
            WalletKind::Taproot => "p2tr",
        }
    }

    /// The descriptor around a key expression, for BIP 329's abbreviated `origin`.
    pub(crate) fn wrap(self, key: &str) -> String {
        match self {
            WalletKind::Legacy => format!("pkh({key})"),
            WalletKind::NestedSegwit => format!("sh(wpkh({key}))"),
            WalletKind::NativeSegwit => format!("wpkh({key})"),
            WalletKind::Taproot => format!("tr({key})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(WalletKind::Legacy.code(), "p2pkh");
        assert_eq!(WalletKind::NestedSegwit.code(), "p2sh-p2wpkh");
        assert_eq!(WalletKind::NativeSegwit.code(), "p2wpkh");
        assert_eq!(WalletKind::Taproot.code(), "p2tr");
    }
}

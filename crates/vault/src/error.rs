use std::path::PathBuf;

use thiserror::Error;

/// Everything the vault can fail at. Texts never hold an order ID, only handles (random local
/// names that unlock nothing).
#[derive(Debug, Error)]
pub enum VaultError {
    #[error("Could not {action} the order list at {}: {source}. Check that the folder exists and that you may write to it.", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("The order list at {} was written by a newer version of the app (format {found}; this version reads up to {supported}). Update the app to see those orders.", path.display())]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("This order is not in the order list (it may have been forgotten). Open the order list again.")]
    UnknownOrder { handle: String },

    #[error("The order ID for this order is not stored on this computer any more (it was kept for one run only, or removed from the system keyring). Ask CardCoins support, or start a new order.")]
    SecretMissing { handle: String },

    #[error("Your wallet's key is not stored on this computer any more (it was kept for one run only, or removed from the system keyring). Set your wallet again in Settings, or paste an address.")]
    WalletKeyMissing,

    #[error("The system keyring could not be used: {detail}. The order ID was not saved there.")]
    KeyringFailed { detail: String },
}

impl VaultError {
    /// A stable machine-readable code for the UI and tests.
    pub fn code(&self) -> &'static str {
        match self {
            VaultError::Io { .. } => "vault_io",
            VaultError::NewerSchema { .. } => "vault_newer_schema",
            VaultError::UnknownOrder { .. } => "unknown_order",
            VaultError::SecretMissing { .. } => "vault_secret_missing",
            VaultError::KeyringFailed { .. } => "vault_unavailable",
            VaultError::WalletKeyMissing => "wallet_key_missing",
        }
    }
}

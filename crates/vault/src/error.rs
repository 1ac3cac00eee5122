use std::fmt;
use std::path::PathBuf;

use cardcoins_core::{Reason, ReasonArg};
use thiserror::Error;

/// Everything the vault can fail at. Reasons never hold an order ID, only handles (random local
/// names that unlock nothing). `Display` is [`VaultError::reason`] in English; the system's own
/// words stay in the fields, for the log.
#[derive(Debug, Error)]
pub enum VaultError {
    Io {
        action: FileAction,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    UnknownOrder {
        handle: String,
    },

    SecretMissing {
        handle: String,
    },

    /// The wallet set in Settings has no key on this computer any more.
    WalletKeyMissing,

    KeyringFailed {
        detail: String,
    },
}

/// What was being done to the order list when the system refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    Read,
    CreateFolder,
    Write,
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

    /// What is wrong and what to do, as a catalog message and its values.
    pub fn reason(&self) -> Reason {
        match self {
            VaultError::Io { action, path, .. } => {
                let id = match action {
                    FileAction::Read => "reason-vault-read",
                    FileAction::CreateFolder => "reason-vault-create-folder",
                    FileAction::Write => "reason-vault-write",
                };
                Reason::new(id).with("path", path.display().to_string())
            }
            VaultError::NewerSchema {
                path,
                found,
                supported,
            } => Reason::new("reason-vault-newer")
                .with("path", path.display().to_string())
                .with("found", ReasonArg::Digits((*found).into()))
                .with("supported", ReasonArg::Digits((*supported).into())),
            // The error code's own sentence says all there is.
            VaultError::UnknownOrder { .. } => Reason::new("error-code-unknown_order"),
            VaultError::SecretMissing { .. } => Reason::new("reason-vault-secret-missing"),
            VaultError::KeyringFailed { .. } => Reason::new("reason-vault-keyring"),
            VaultError::WalletKeyMissing => Reason::new("error-code-wallet_not_set"),
        }
    }

    /// What the system said, in its words: for the log, never for the seller's screen.
    pub fn detail(&self) -> Option<String> {
        match self {
            VaultError::Io { source, .. } => Some(source.to_string()),
            VaultError::KeyringFailed { detail } => Some(detail.clone()),
            _ => None,
        }
    }
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reason().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_reads_a_catalog_message_with_its_values() {
        let io = |action| VaultError::Io {
            action,
            path: "/home/a/.local/share/app/orders.json".into(),
            source: std::io::Error::other("disk full"),
        };
        for error in [
            io(FileAction::Read),
            io(FileAction::CreateFolder),
            io(FileAction::Write),
            VaultError::NewerSchema {
                path: "orders.json".into(),
                found: 3,
                supported: 2,
            },
            VaultError::UnknownOrder { handle: "h".into() },
            VaultError::SecretMissing { handle: "h".into() },
            VaultError::KeyringFailed {
                detail: "DBus error".into(),
            },
        ] {
            let text = error
                .reason()
                .check()
                .unwrap_or_else(|problem| panic!("{problem}"));
            assert_eq!(text, error.to_string());
            assert!(
                !text.contains("disk full") && !text.contains("DBus"),
                "{text}"
            );
        }
    }
}

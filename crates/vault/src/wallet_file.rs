//! `wallet.json`, beside the order list: the seller's watch-only wallet as far as it is not
//! secret (its kind and origin; the key itself goes where order IDs go), and per wallet the
//! receive addresses that must never be handed out again. Replaced atomically like the order
//! list; a damaged file is read as empty, since the orders' own records still say which address
//! each order was given.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::error::{FileAction, VaultError};

pub(crate) const FILE_NAME: &str = "wallet.json";

/// The seller's wallet, without its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalletRecord {
    /// A stable name for the wallet, the same each time the same key is set (so a wallet removed
    /// and set again keeps its used addresses); reveals nothing about the key.
    pub id: String,
    /// The address type's code (`p2wpkh`, `p2tr`, …).
    pub kind: String,
    /// BIP-329's `origin`: the descriptor type with the key's origin, without the key.
    pub origin: String,
    #[serde(with = "time::serde::rfc3339")]
    pub set_at: OffsetDateTime,
    /// How many unused addresses in a row a wallet restored from seed looks at.
    pub gap_limit: u32,
    /// Only with the seller's OK to keep secrets in plain files (no system keyring).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) plain_key: Option<String>,
}

impl WalletRecord {
    pub fn new(
        id: String,
        kind: String,
        origin: String,
        set_at: OffsetDateTime,
        gap_limit: u32,
    ) -> WalletRecord {
        WalletRecord {
            id,
            kind,
            origin,
            set_at,
            gap_limit,
            plain_key: None,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct WalletFile {
    #[serde(default)]
    pub wallet: Option<WalletRecord>,
    /// By wallet id: addresses paid, seen on chain, or given to an order forgotten before it
    /// ended. Kept after the wallet is removed.
    #[serde(default)]
    pub never_again: BTreeMap<String, BTreeSet<u32>>,
}

pub(crate) fn path_in(folder: &Path) -> PathBuf {
    folder.join(FILE_NAME)
}

pub(crate) fn load(path: &Path) -> Result<WalletFile, VaultError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).unwrap_or_else(|error| {
            tracing::warn!(%error, "the wallet file was unreadable; starting without a wallet");
            WalletFile::default()
        })),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(WalletFile::default()),
        Err(source) => Err(VaultError::Io {
            action: FileAction::Read,
            path: path.to_path_buf(),
            source,
        }),
    }
}

pub(crate) fn save(path: &Path, file: &WalletFile) -> Result<(), VaultError> {
    crate::data_file::write_json(path, file)
}

//! Where order IDs live, and the OS credential store behind [`KeyStore::OsKeyring`].

use cardcoins_core::OrderId;
use serde::{Deserialize, Serialize};

use crate::error::VaultError;

/// Where this vault keeps order IDs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyStore {
    /// The OS credential store: Keychain, Windows Credential Manager or a Secret Service.
    OsKeyring,
    /// No credential store works: IDs are kept in memory and lost when the app closes.
    SessionOnly,
    /// No credential store works and the person said OK to keeping IDs in the data file.
    PlainFileWithConsent,
}

impl KeyStore {
    /// A sentence for the person about where their order IDs are.
    pub fn explanation(self) -> &'static str {
        match self {
            KeyStore::OsKeyring => "Order IDs are kept in the system keyring.",
            KeyStore::SessionOnly => "No system keyring is available: this computer has no safe place for passwords that the app can use. Order IDs are kept only while the app is open; note the ID of an open order, or allow keeping it in the app's data file. (On Linux this needs a keyring service such as GNOME Keyring or KWallet.)",
            KeyStore::PlainFileWithConsent => "No system keyring is available; as you allowed, order IDs are kept unencrypted in the app's data file. Anyone who can read your files can read them.",
        }
    }
}

/// The OS credential store under one service name; each order is one entry named by its handle.
#[derive(Debug, Clone)]
pub(crate) struct OsKeyring {
    service: String,
}

impl OsKeyring {
    pub fn new(service: &str) -> OsKeyring {
        OsKeyring {
            service: service.to_string(),
        }
    }

    /// Whether the store answers at all: reading an entry that does not exist must say "no
    /// entry", not fail. Returns the failure to show when it does not answer.
    pub fn probe(&self) -> Result<(), String> {
        let entry = keyring::Entry::new(&self.service, "cardcoins-probe").map_err(describe)?;
        match entry.get_password() {
            Ok(_) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(describe(error)),
        }
    }

    pub fn store(&self, handle: &str, id: &OrderId) -> Result<(), VaultError> {
        self.store_text(handle, id.expose_secret())
    }

    pub fn store_text(&self, name: &str, secret: &str) -> Result<(), VaultError> {
        self.entry(name)?.set_password(secret).map_err(failed)
    }

    /// `None` when there is no such entry.
    pub fn load_text(&self, name: &str) -> Result<Option<String>, VaultError> {
        match self.entry(name)?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(failed(error)),
        }
    }

    pub fn load(&self, handle: &str) -> Result<OrderId, VaultError> {
        let missing = || VaultError::SecretMissing {
            handle: handle.to_string(),
        };
        // A value that does not parse was not written by this app: treat it as missing rather
        // than echo it anywhere.
        let secret = self.load_text(handle)?.ok_or_else(missing)?;
        OrderId::parse(&secret).map_err(|_| missing())
    }

    pub fn delete(&self, handle: &str) -> Result<(), VaultError> {
        match self.entry(handle)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(failed(error)),
        }
    }

    fn entry(&self, handle: &str) -> Result<keyring::Entry, VaultError> {
        keyring::Entry::new(&self.service, handle).map_err(failed)
    }
}

fn failed(error: keyring::Error) -> VaultError {
    VaultError::KeyringFailed {
        detail: describe(error),
    }
}

/// keyring's errors carry the platform's text; none of them hold the secret.
fn describe(error: keyring::Error) -> String {
    match error {
        keyring::Error::PlatformFailure(inner) | keyring::Error::NoStorageAccess(inner) => {
            inner.to_string()
        }
        other => other.to_string(),
    }
}

//! The order vault: every open order survives closing the app.
//!
//! An order ID is a bearer secret, so it goes to the OS credential store (Keychain, Windows
//! Credential Manager, Secret Service) under a random local handle; only the handle and
//! non-secret details (amount, created time, last status, uploaded photos, where to resume) go to
//! a JSON file in the app's data folder. Where no credential store works, the vault says so
//! ([`KeyStore::SessionOnly`]) and keeps IDs in memory for this run; it writes them to the data
//! file only after [`OrderVault::allow_plain_file`], which the app calls on the person's explicit OK.

mod data_file;
mod error;
mod key_store;
mod payout_notes;
mod record;
mod seller_record;
mod status_history;
mod vault;
mod wallet_file;
mod wallet_keeping;

pub use cardcoins_core::FlowStep;
pub use data_file::{FileDamage, SCHEMA_VERSION};
pub use error::{FileAction, VaultError};
pub use key_store::KeyStore;
pub use payout_notes::{PayoutNote, MAX_PAYOUT_NOTES};
pub use record::OrderRecord;
pub use seller_record::{PhotoSent, RecordedDestination, RecordedQuote, WalletAddress};
pub use status_history::{StatusEntry, MAX_HISTORY};
pub use vault::OrderVault;
pub use wallet_file::WalletRecord;
pub use wallet_keeping::index_state;

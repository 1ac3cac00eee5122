//! The seller's own wallet, watch-only: each order gets a fresh receive address from it.
//!
//! The seller pastes what their wallet exports, an extended public key (xpub, ypub, zpub) or an
//! output descriptor; [`WatchOnlyWallet::parse`] reads it with miniscript and refuses anything
//! that could spend (private keys, seed words), several-key wallets, the change chain and keys
//! for another network, each with its own [`WalletError`]. [`AddressLedger`] decides which index
//! the next order gets: addresses of orders that ended unpaid are given again, so the run of
//! unused addresses stays short enough for a wallet restored from seed to find every payout.
//!
//! ```
//! use cardcoins_wallet::{AddressLedger, Network, WatchOnlyWallet};
//!
//! let wallet = WatchOnlyWallet::parse(
//!     "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs",
//!     Network::Bitcoin,
//! )?;
//! let mut ledger = AddressLedger::new();
//! let index = ledger.take_next();
//! assert_eq!(
//!     wallet.receive_address(index)?.to_string(),
//!     "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu"
//! );
//! ledger.release(index); // the order expired unpaid: the next one gets the same address
//! assert_eq!(ledger.next_index(), index);
//! # Ok::<(), cardcoins_wallet::WalletError>(())
//! ```
//!
//! The key is a secret like an order ID: anyone holding it sees every payout. It never appears
//! in `Debug` output or in an error, and neither does anything else that was pasted.

mod checksum;
mod error;
mod kind;
mod ledger;
mod private_material;
mod receive;
mod slip132;
mod watch_only;

pub use bitcoin::{Address, Network};
pub use checksum::strip_checksum;
pub use error::WalletError;
pub use kind::WalletKind;
pub use ledger::{AddressLedger, GapStatus, IndexState, DEFAULT_GAP_LIMIT, GAP_WARNING_MARGIN};
pub use watch_only::WatchOnlyWallet;

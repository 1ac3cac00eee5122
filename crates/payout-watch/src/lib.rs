//! Watches an on-chain payout on an Esplora server until it is safe to spend.
//!
//! CardCoins pays on-chain in batches and replaces them (RBF) with larger ones, so the txid the
//! API names can stop being the one that confirms. The payout is therefore found by what it does:
//! the exact amount to the order's address, after the order was created. The watch follows it
//! through replacements to three confirmations:
//!
//! ```no_run
//! # async fn demo() -> Result<(), cardcoins_payout_watch::WatchError> {
//! use cardcoins_payout_watch::{poll_once, EsploraClient, PayoutTarget, PayoutWatch};
//!
//! let client = EsploraClient::builder().proxy("socks5h://127.0.0.1:9050").build()?;
//! let created_at = time::OffsetDateTime::now_utc();
//! let target = PayoutTarget::new("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", 83_523, created_at)?;
//! let mut watch = PayoutWatch::new(target);
//! while let Some(delay) = watch.next_poll_delay() {
//!     for event in poll_once(&client, &mut watch).await.unwrap_or_default() {
//!         println!("{event:?}");
//!     }
//!     tokio::time::sleep(delay).await;
//! }
//! # Ok(()) }
//! ```
//!
//! The payout address goes to the chosen server. Nothing here logs an address or a txid.

mod builder;
mod chain_tx;
mod client;
mod error;
mod event;
mod observation;
mod poll;
mod schedule;
mod target;
mod text;
mod watch;
#[cfg(test)]
mod watch_tests;
mod wire;

pub use bitcoin::{Address, Txid};
pub use builder::{EsploraClientBuilder, DEFAULT_ESPLORA_URL};
pub use chain_tx::{ChainTx, TxOutput, TxStatus};
pub use client::EsploraClient;
pub use error::{NetworkErrorKind, WatchError};
pub use event::WatchEvent;
pub use observation::{Candidate, Observation, BLOCK_TIME_MARGIN};
pub use poll::poll_once;
pub use schedule::{LONGEST_POLL_DELAY, POLL_WHILE_CONFIRMING, POLL_WHILE_UNCONFIRMED};
pub use target::PayoutTarget;
pub use watch::{PayoutWatch, WatchState, CONFIRMATIONS_DONE};

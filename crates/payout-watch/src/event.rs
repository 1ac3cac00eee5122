//! A change in a payout's state: one desktop notification and one line in the order's timeline
//! (worded by the app, from its catalog).

use bitcoin::Txid;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum WatchEvent {
    /// The payout is in the mempool.
    Seen {
        #[serde(with = "crate::text::txid")]
        txid: Txid,
    },
    /// Another transaction now pays the payout: a larger batch replaced the one seen.
    Replaced {
        #[serde(with = "crate::text::txid")]
        old_txid: Txid,
        #[serde(with = "crate::text::txid")]
        new_txid: Txid,
    },
    /// The payout is in a block.
    Confirmed {
        #[serde(with = "crate::text::txid")]
        txid: Txid,
        confirmations: u32,
    },
    /// Three confirmations: watching stops.
    Done {
        #[serde(with = "crate::text::txid")]
        txid: Txid,
        block_height: u32,
    },
}

impl WatchEvent {
    /// The transaction the payout is now believed to be.
    pub fn txid(&self) -> &Txid {
        match self {
            WatchEvent::Seen { txid }
            | WatchEvent::Confirmed { txid, .. }
            | WatchEvent::Done { txid, .. } => txid,
            WatchEvent::Replaced { new_txid, .. } => new_txid,
        }
    }
}

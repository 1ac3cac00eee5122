//! A change in a payout's state: one desktop notification and one line in the order's timeline.

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
    /// A notification's title.
    pub fn title(&self) -> &'static str {
        match self {
            WatchEvent::Seen { .. } => "Payment seen",
            WatchEvent::Replaced { .. } => "Payment replaced by a bigger batch",
            WatchEvent::Confirmed { .. } => "Payment confirmed",
            WatchEvent::Done { .. } => "Payment complete",
        }
    }

    /// A notification's text, also the timeline's line after the title. It names no
    /// transaction: the order shows the one that pays once, beside the payout.
    pub fn body(&self) -> String {
        match self {
            WatchEvent::Seen { .. } => "Your bitcoin is on its way, not yet confirmed. It may be replaced by a bigger batch: that is normal. Don't spend it yet.".to_string(),
            WatchEvent::Replaced { .. } => "CardCoins replaced the transaction with a bigger batch that pays you the same amount: that is normal. Don't spend it yet.".to_string(),
            WatchEvent::Confirmed { confirmations, .. } => format!(
                "It has {} of the 3 the app waits for. Don't spend it yet.",
                confirmation_words(*confirmations)
            ),
            WatchEvent::Done { block_height, .. } => format!(
                "It has 3 confirmations (block {block_height}). The bitcoin is yours to spend."
            ),
        }
    }

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

fn confirmation_words(count: u32) -> String {
    if count == 1 {
        "1 confirmation".to_string()
    } else {
        format!("{count} confirmations")
    }
}

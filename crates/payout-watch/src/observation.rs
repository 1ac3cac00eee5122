//! What one poll found, reduced to the transactions that may be the payout. The payout is
//! recognised by what it does (the exact amount to the order's address, after the order was
//! created), never by the txid the API named: CardCoins replaces its batches.

use std::time::Duration;

use bitcoin::Txid;
use time::OffsetDateTime;

use crate::chain_tx::{ChainTx, TxStatus};
use crate::target::PayoutTarget;

/// How much earlier than the order a confirming block's timestamp may be and still count:
/// consensus lets a block's time trail the real time (it need only pass the median of the last
/// eleven blocks), and the order's time comes from another clock.
pub const BLOCK_TIME_MARGIN: Duration = Duration::from_secs(2 * 60 * 60);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    /// The server's tip when the poll was made.
    pub tip_height: u32,
    /// Transactions that pay the payout, in the server's order (newest first).
    pub candidates: Vec<Candidate>,
    /// When the poll was made.
    pub at: OffsetDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub txid: Txid,
    pub status: TxStatus,
}

impl Observation {
    /// Keeps from `history` the transactions paying exactly the target's sats to its address:
    /// every unconfirmed one (the mempool has no times), and confirmed ones whose block is no
    /// older than the order (less [`BLOCK_TIME_MARGIN`]). An earlier payment to a reused address
    /// does not count, whatever its amount.
    pub fn from_history(
        target: &PayoutTarget,
        history: &[ChainTx],
        tip_height: u32,
        at: OffsetDateTime,
    ) -> Observation {
        let earliest_block_time = target.created_at() - BLOCK_TIME_MARGIN;
        let candidates = history
            .iter()
            .filter(|tx| tx.pays_exactly(target.address(), target.sats()))
            .filter(|tx| match tx.status {
                TxStatus::Unconfirmed => true,
                TxStatus::Confirmed { block_time, .. } => block_time >= earliest_block_time,
            })
            .map(|tx| Candidate {
                txid: tx.txid,
                status: tx.status,
            })
            .collect();
        Observation {
            tip_height,
            candidates,
            at,
        }
    }

    pub fn includes(&self, txid: &Txid) -> bool {
        self.candidates
            .iter()
            .any(|candidate| candidate.txid == *txid)
    }

    /// The transaction to believe when several pay: a confirmed one over any unconfirmed one
    /// (the one already followed if it is among them, else the newest block's), else the
    /// newest unconfirmed one.
    pub fn best(&self, followed: Option<&Txid>) -> Option<&Candidate> {
        let confirmed = || {
            self.candidates
                .iter()
                .filter_map(|candidate| match candidate.status {
                    TxStatus::Confirmed { block_height, .. } => Some((candidate, block_height)),
                    TxStatus::Unconfirmed => None,
                })
        };
        confirmed()
            .find(|(candidate, _)| Some(&candidate.txid) == followed)
            // `rev` so that, at equal heights, the server's first listed wins.
            .or_else(|| confirmed().rev().max_by_key(|(_, height)| *height))
            .map(|(candidate, _)| candidate)
            .or_else(|| {
                self.candidates
                    .iter()
                    .find(|candidate| candidate.status == TxStatus::Unconfirmed)
            })
    }
}

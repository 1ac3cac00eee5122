//! The watch itself: a state that follows what the chain shows, changed only by observations, so
//! it can be saved between polls and across restarts.

use bitcoin::Txid;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::chain_tx::TxStatus;
use crate::event::WatchEvent;
use crate::observation::Observation;
use crate::target::PayoutTarget;

/// Confirmations after which the payout is the user's and watching stops.
pub const CONFIRMATIONS_DONE: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum WatchState {
    /// Nothing pays the payout yet.
    Waiting,
    /// In the mempool, as first seen.
    Seen {
        #[serde(with = "crate::text::txid")]
        txid: Txid,
        #[serde(with = "time::serde::rfc3339")]
        first_seen_at: OffsetDateTime,
    },
    /// In the mempool, in a transaction that replaced the one seen before.
    Replaced {
        #[serde(with = "crate::text::txid")]
        old_txid: Txid,
        #[serde(with = "crate::text::txid")]
        new_txid: Txid,
    },
    /// In a block, with 1 or 2 confirmations.
    Confirmed {
        #[serde(with = "crate::text::txid")]
        txid: Txid,
        confirmations: u32,
    },
    /// [`CONFIRMATIONS_DONE`] confirmations or more: watching has stopped.
    Done {
        #[serde(with = "crate::text::txid")]
        txid: Txid,
        block_height: u32,
    },
}

impl WatchState {
    /// The transaction believed to be the payout, if any yet.
    pub fn txid(&self) -> Option<&Txid> {
        match self {
            WatchState::Waiting => None,
            WatchState::Seen { txid, .. }
            | WatchState::Confirmed { txid, .. }
            | WatchState::Done { txid, .. } => Some(txid),
            WatchState::Replaced { new_txid, .. } => Some(new_txid),
        }
    }

    /// A name for logs, without the txid (which would reveal the address).
    pub fn name(&self) -> &'static str {
        match self {
            WatchState::Waiting => "waiting",
            WatchState::Seen { .. } => "seen",
            WatchState::Replaced { .. } => "replaced",
            WatchState::Confirmed { .. } => "confirmed",
            WatchState::Done { .. } => "done",
        }
    }
}

/// One on-chain payout being watched: what to look for, what was found, and how polling went.
/// Keep it (serde) between polls; [`crate::poll_once`] or [`PayoutWatch::observe`] move it on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutWatch {
    target: PayoutTarget,
    state: WatchState,
    /// Polls in a row that failed: the schedule backs off on them.
    #[serde(default)]
    failures: u32,
    #[serde(default, with = "time::serde::rfc3339::option")]
    last_checked_at: Option<OffsetDateTime>,
}

impl PayoutWatch {
    pub fn new(target: PayoutTarget) -> PayoutWatch {
        PayoutWatch {
            target,
            state: WatchState::Waiting,
            failures: 0,
            last_checked_at: None,
        }
    }

    pub fn target(&self) -> &PayoutTarget {
        &self.target
    }

    pub fn state(&self) -> &WatchState {
        &self.state
    }

    pub fn is_done(&self) -> bool {
        matches!(self.state, WatchState::Done { .. })
    }

    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// When a poll last got an answer.
    pub fn last_checked_at(&self) -> Option<OffsetDateTime> {
        self.last_checked_at
    }

    /// Notes a poll that got no usable answer, for the back-off.
    pub fn record_failure(&mut self) {
        self.failures = self.failures.saturating_add(1);
    }

    /// Moves the state to what `observation` shows and says what changed. Nothing found keeps
    /// the state: a transaction the server forgot is usually being replaced, and its
    /// replacement will show. 2 confirmations update the state without an event.
    pub fn observe(&mut self, observation: &Observation) -> Vec<WatchEvent> {
        if self.is_done() {
            return Vec::new();
        }
        self.failures = 0;
        self.last_checked_at = Some(observation.at);
        let followed = self.state.txid().copied();
        let Some(best) = observation.best(followed.as_ref()).copied() else {
            return Vec::new();
        };
        let mut events = Vec::new();
        let replaced = followed.filter(|old| *old != best.txid);
        if let Some(old_txid) = replaced {
            events.push(WatchEvent::Replaced {
                old_txid,
                new_txid: best.txid,
            });
        }
        let next = match best.status {
            TxStatus::Unconfirmed => match (&self.state, replaced) {
                (_, Some(old_txid)) => WatchState::Replaced {
                    old_txid,
                    new_txid: best.txid,
                },
                (WatchState::Waiting | WatchState::Confirmed { .. }, None) => {
                    events.push(WatchEvent::Seen { txid: best.txid });
                    WatchState::Seen {
                        txid: best.txid,
                        first_seen_at: observation.at,
                    }
                }
                (unchanged, None) => unchanged.clone(),
            },
            TxStatus::Confirmed { block_height, .. } => {
                // A tip behind the transaction's block is a server between updates.
                let confirmations = observation
                    .tip_height
                    .saturating_sub(block_height)
                    .saturating_add(1);
                if confirmations >= CONFIRMATIONS_DONE {
                    events.push(WatchEvent::Done {
                        txid: best.txid,
                        block_height,
                    });
                    WatchState::Done {
                        txid: best.txid,
                        block_height,
                    }
                } else {
                    if !matches!(self.state, WatchState::Confirmed { txid, .. } if txid == best.txid)
                    {
                        events.push(WatchEvent::Confirmed {
                            txid: best.txid,
                            confirmations,
                        });
                    }
                    WatchState::Confirmed {
                        txid: best.txid,
                        confirmations,
                    }
                }
            }
        };
        if next != self.state {
            tracing::info!(
                from = self.state.name(),
                to = next.name(),
                "payout watch moved"
            );
            self.state = next;
        }
        events
    }
}

//! What the Status screen shows of a payout: the on-chain watch's state and timeline, or a
//! Lightning payment's hash and time.

use cardcoins_api::OrderDetails;
use cardcoins_payout_watch::{PayoutWatch, WatchEvent, WatchState, CONFIRMATIONS_DONE};
use cardcoins_records::OrderFacts;
use cardcoins_vault::{OrderRecord, PayoutNote};
use serde::Serialize;
use specta::Type;

use crate::order_views::{rfc3339, OrderView};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PayoutWatchStateName {
    Waiting,
    Seen,
    Replaced,
    Confirmed,
    Done,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PayoutWatchView {
    /// The watch setting is on: the payout is being (or was) followed.
    pub on: bool,
    pub state: PayoutWatchStateName,
    /// The transaction the payout is now believed to be.
    pub txid: Option<String>,
    /// The transaction a replacement took the place of.
    pub old_txid: Option<String>,
    pub confirmations: u32,
    pub headline: String,
    pub detail: String,
    /// RFC 3339: when the server last answered.
    pub last_checked_at: Option<String>,
    /// Why the watch could not look lately.
    pub problem: Option<PayoutProblem>,
}

/// Why the payout watch could not look lately, for the UI to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PayoutProblem {
    /// The server did not answer; the watch tries again in a while.
    Unreachable,
    /// The server's answers could not be read; the watch tries again later.
    Unreadable,
}

impl PayoutProblem {
    /// From what the order keeps: a code, or (from an older version) a sentence, read as the
    /// passing kind.
    pub fn from_kept(kept: &str) -> PayoutProblem {
        if kept == crate::payout_watch::PROBLEM_UNREADABLE {
            PayoutProblem::Unreadable
        } else {
            PayoutProblem::Unreachable
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PayoutNoteView {
    /// RFC 3339.
    pub at: String,
    /// What happened, for the UI to word in its language; `None` for lines kept before the
    /// app recorded it, which show `title` and `body` as they were said.
    pub kind: Option<PayoutNoteKind>,
    pub confirmations: Option<u32>,
    pub block_height: Option<u32>,
    pub title: String,
    pub body: String,
    pub txid: Option<String>,
}

/// The payout watch's events, as the timeline names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PayoutNoteKind {
    Seen,
    Replaced,
    Confirmed,
    Done,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LightningPaidView {
    pub payment_hash: Option<String>,
    /// RFC 3339, when CardCoins says.
    pub sent_at: Option<String>,
}

impl PayoutWatchView {
    pub fn new(watch: &PayoutWatch, on: bool, problem: Option<String>) -> PayoutWatchView {
        let (state, old_txid, confirmations, headline, detail) = match watch.state() {
            WatchState::Waiting => (
                PayoutWatchStateName::Waiting,
                None,
                0,
                "Waiting for the payment".to_string(),
                "CardCoins approved the payout; the bitcoin has not been seen on the network yet."
                    .to_string(),
            ),
            WatchState::Seen { .. } => (
                PayoutWatchStateName::Seen,
                None,
                0,
                "Payment seen".to_string(),
                "Payment seen — it may be replaced by a bigger batch: that is normal; don't spend it yet."
                    .to_string(),
            ),
            WatchState::Replaced { old_txid, .. } => (
                PayoutWatchStateName::Replaced,
                Some(old_txid.to_string()),
                0,
                "Payment replaced by a bigger batch".to_string(),
                "CardCoins replaced the transaction with a bigger batch that pays you the same amount: that is normal. Don't spend it yet."
                    .to_string(),
            ),
            WatchState::Confirmed { confirmations, .. } => (
                PayoutWatchStateName::Confirmed,
                None,
                *confirmations,
                if *confirmations == 1 {
                    "1 confirmation".to_string()
                } else {
                    format!("{confirmations} confirmations")
                },
                format!("In a block. Don't spend it until it has {CONFIRMATIONS_DONE} confirmations."),
            ),
            WatchState::Done { .. } => (
                PayoutWatchStateName::Done,
                None,
                CONFIRMATIONS_DONE,
                format!("{CONFIRMATIONS_DONE} confirmations: done"),
                "The bitcoin is yours to spend.".to_string(),
            ),
        };
        PayoutWatchView {
            on,
            state,
            txid: watch.state().txid().map(ToString::to_string),
            old_txid,
            confirmations,
            headline,
            detail,
            last_checked_at: watch.last_checked_at().map(rfc3339),
            problem: problem.as_deref().map(PayoutProblem::from_kept),
        }
    }
}

impl From<&PayoutNote> for PayoutNoteView {
    fn from(note: &PayoutNote) -> PayoutNoteView {
        let (kind, confirmations, block_height) = match &note.event {
            Some(WatchEvent::Seen { .. }) => (Some(PayoutNoteKind::Seen), None, None),
            Some(WatchEvent::Replaced { .. }) => (Some(PayoutNoteKind::Replaced), None, None),
            Some(WatchEvent::Confirmed { confirmations, .. }) => {
                (Some(PayoutNoteKind::Confirmed), Some(*confirmations), None)
            }
            Some(WatchEvent::Done { block_height, .. }) => {
                (Some(PayoutNoteKind::Done), None, Some(*block_height))
            }
            None => (None, None, None),
        };
        PayoutNoteView {
            at: rfc3339(note.at),
            kind,
            confirmations,
            block_height,
            title: note.title.clone(),
            body: note.body.clone(),
            txid: note.txid.clone(),
        }
    }
}

/// A Lightning payout CardCoins says it sent: there is nothing to watch.
pub fn lightning_paid(details: &OrderDetails, facts: &OrderFacts) -> Option<LightningPaidView> {
    let payout = details.payout.as_ref()?;
    let lightning =
        facts.destination.as_ref().is_some_and(|d| d.lightning) || payout.payment_hash.is_some();
    lightning.then(|| LightningPaidView {
        payment_hash: payout.payment_hash.clone(),
        sent_at: payout.sent_at.map(rfc3339),
    })
}

/// Adds what the vault knows of the payout to an order's view.
pub fn with_payout(mut view: OrderView, record: &OrderRecord, watch_on: bool) -> OrderView {
    view.payout_watch = record
        .payout_watch
        .as_ref()
        .map(|watch| PayoutWatchView::new(watch, watch_on, record.payout_problem.clone()));
    view.payout_timeline = record
        .payout_timeline
        .iter()
        .map(PayoutNoteView::from)
        .collect();
    view
}

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How many unused addresses in a row most wallets scan past the last used one before they stop
/// (BIP 44's gap limit; Sparrow's and Electrum's default).
pub const DEFAULT_GAP_LIMIT: u32 = 20;

/// How close to the gap limit [`AddressLedger::gap_warning`] starts warning.
pub const GAP_WARNING_MARGIN: u32 = 5;

/// What became of a receive address index given to an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexState {
    /// The order ended without a payout (expired, cancelled, rejected, gone, never accepted).
    /// Only CardCoins ever saw the address, so it is given out again.
    Released,
    /// An order in flight holds it: it may still be paid.
    Held,
    /// It received a payout, or the chain server says it has history. Final: never given again.
    Paid,
}

/// Which receive address index the next order gets, and whether the seller's wallet would
/// still find the payout.
///
/// A wallet restored from seed scans its receive chain in order and stops after `gap_limit`
/// unused addresses in a row past the last used one, so a payout further out is invisible to it
/// until someone raises the gap limit. "Used" is on-chain history: a [`IndexState::Released`]
/// address has none, and neither has a [`IndexState::Held`] one yet.
///
/// The ledger keeps every payout within reach:
/// - [`next_index`](Self::next_index) is the smallest index neither held nor paid, so released
///   indexes come back first and nothing is skipped. Every index below it is held or paid, so
///   it is at most `last paid index + orders in flight + 1`: the gap before it is at most the
///   number of orders in flight.
/// - A payout can only land at an index that was `next_index` when its order got it, and the
///   gap before an index only shrinks afterwards (paid is final; releasing turns an unused
///   index into another unused one).
///
/// So as long as fewer than `gap_limit` orders are in flight at once, a restored wallet finds
/// every payout. [`gap_warning`](Self::gap_warning) says when the next order would come close.
/// Indexes that the seller's own wallet used (chain history, seen by
/// [`mark_chain_history`](Self::mark_chain_history)) are skipped and count as used.
///
/// Pure bookkeeping: the app rebuilds it from its orders ([`AddressLedger::record`] or
/// `collect()`), adds the chain history it learnt, and asks it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AddressLedger {
    states: BTreeMap<u32, IndexState>,
}

/// Where the next index stands against a gap limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapStatus {
    /// Well inside the limit.
    Clear,
    /// Within [`GAP_WARNING_MARGIN`] of the limit: a restored wallet still finds the payout.
    Close,
    /// At or past the limit: a restored wallet with this gap limit would not find a payout to
    /// the next index until earlier orders are paid or released.
    Beyond,
}

impl AddressLedger {
    pub fn new() -> Self {
        Self::default()
    }

    /// The index the next order gets: the smallest one neither held nor paid (0 when nothing is
    /// recorded).
    pub fn next_index(&self) -> u32 {
        let mut candidate = 0u32;
        for (&index, &state) in &self.states {
            if index != candidate || state == IndexState::Released {
                break;
            }
            candidate = candidate.saturating_add(1);
        }
        candidate
    }

    /// Gives [`next_index`](Self::next_index) to an order and returns it.
    pub fn take_next(&mut self) -> u32 {
        let index = self.next_index();
        self.states.insert(index, IndexState::Held);
        index
    }

    /// An order in flight holds `index`. Returns false, changing nothing, when it is paid or
    /// already held: giving it out would reuse an address.
    pub fn hold(&mut self, index: u32) -> bool {
        match self.states.get(&index) {
            Some(IndexState::Paid | IndexState::Held) => false,
            Some(IndexState::Released) | None => {
                self.states.insert(index, IndexState::Held);
                true
            }
        }
    }

    /// The order holding `index` ended without a payout. A paid index stays paid.
    pub fn release(&mut self, index: u32) {
        if self.states.get(&index) != Some(&IndexState::Paid) {
            self.states.insert(index, IndexState::Released);
        }
    }

    /// `index` received a payout.
    pub fn mark_paid(&mut self, index: u32) {
        self.states.insert(index, IndexState::Paid);
    }

    /// The chain server says the address at `index` has history (the seller's wallet used it,
    /// or someone paid it): it counts as paid and is never given out.
    pub fn mark_chain_history(&mut self, index: u32) {
        self.mark_paid(index);
    }

    /// Adds one order's outcome when rebuilding from stored orders, in any order. An index seen
    /// by several orders (released by one, then given to the next) keeps the strongest state:
    /// paid, then held, then released.
    pub fn record(&mut self, index: u32, state: IndexState) {
        let entry = self.states.entry(index).or_insert(state);
        *entry = (*entry).max(state);
    }

    pub fn state(&self, index: u32) -> Option<IndexState> {
        self.states.get(&index).copied()
    }

    /// How many orders hold an index now.
    pub fn held(&self) -> usize {
        self.states
            .values()
            .filter(|state| **state == IndexState::Held)
            .count()
    }

    /// Every recorded index with its state, lowest first.
    pub fn iter(&self) -> impl Iterator<Item = (u32, IndexState)> + '_ {
        self.states.iter().map(|(index, state)| (*index, *state))
    }

    /// How many indexes right below `index` have no payout: the unused addresses a restored
    /// wallet must scan past to reach `index`. It finds a payout at `index` while this is below
    /// its gap limit.
    pub fn gap_before(&self, index: u32) -> u32 {
        match self
            .states
            .range(..index)
            .rev()
            .find(|(_, state)| **state == IndexState::Paid)
        {
            Some((&paid, _)) => index - paid - 1,
            None => index,
        }
    }

    /// Where giving out the next index stands against `gap_limit`.
    pub fn gap_status(&self, gap_limit: u32) -> GapStatus {
        let gap = self.gap_before(self.next_index());
        if gap >= gap_limit {
            GapStatus::Beyond
        } else if gap >= gap_limit.saturating_sub(GAP_WARNING_MARGIN) {
            GapStatus::Close
        } else {
            GapStatus::Clear
        }
    }

    /// True when giving out the next index would leave at least `gap_limit -`
    /// [`GAP_WARNING_MARGIN`] unpaid indexes in a row before it: the seller should settle or
    /// cancel open orders, or raise the gap limit in their wallet.
    pub fn gap_warning(&self, gap_limit: u32) -> bool {
        self.gap_status(gap_limit) != GapStatus::Clear
    }
}

impl FromIterator<(u32, IndexState)> for AddressLedger {
    fn from_iter<I: IntoIterator<Item = (u32, IndexState)>>(records: I) -> Self {
        let mut ledger = AddressLedger::new();
        for (index, state) in records {
            ledger.record(index, state);
        }
        ledger
    }
}

//! The chain itself: a tip, a mempool and blocks, moved forward to the sandbox clock's time
//! whenever someone looks, so a test that advances a manual clock sees blocks it never waited for.

use bitcoin::Script;

use crate::clock::EpochMillis;

use super::batch::{earlier_payment, payout_batch, Batch};
use super::pace::ChainPace;
use super::tx::{digest_hex, BlockRef, ChainTx, Payee};

/// Where the tip stands when a sandbox starts: a mainnet-like height.
const START_HEIGHT: u32 = 880_000;
const BLOCKS_PER_DAY: u32 = 144;
const DAY_MS: EpochMillis = 86_400_000;
/// Esplora's address history: up to 50 unconfirmed and the newest 25 confirmed transactions.
const HISTORY_MEMPOOL_LIMIT: usize = 50;
const HISTORY_CHAIN_LIMIT: usize = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Scheduled,
    Broadcast,
    Replaced,
}

/// One approved on-chain payout's life: the first batch, then its replacement.
#[derive(Debug)]
struct PayoutPlan {
    reference: String,
    payee: Payee,
    sats: u64,
    broadcast_at: EpochMillis,
    replace_at: EpochMillis,
    stage: Stage,
}

impl PayoutPlan {
    fn next_step_at(&self) -> Option<EpochMillis> {
        match self.stage {
            Stage::Scheduled => Some(self.broadcast_at),
            Stage::Broadcast => Some(self.replace_at),
            Stage::Replaced => None,
        }
    }
}

#[derive(Debug)]
pub(crate) struct Ledger {
    pace: ChainPace,
    tip_height: u32,
    tip_time: EpochMillis,
    /// In the order they arrived; a replaced transaction leaves entirely, as from a real node.
    txs: Vec<ChainTx>,
    plans: Vec<PayoutPlan>,
    earlier_payments: u64,
}

impl Ledger {
    pub fn new(pace: ChainPace, now: EpochMillis) -> Self {
        Self {
            pace,
            tip_height: START_HEIGHT,
            tip_time: now,
            txs: Vec::new(),
            plans: Vec::new(),
            earlier_payments: 0,
        }
    }

    pub fn tip_height(&self) -> u32 {
        self.tip_height
    }

    pub fn tip_hash(&self) -> String {
        block_hash(self.tip_height, self.tip_time)
    }

    /// Plans the payout `reference` (the API's txid) approved at `sent_at`; a known one is left
    /// alone. Times already past play out at the next look, so a restarted sandbox replays its
    /// saved approvals.
    pub fn schedule(&mut self, reference: &str, payee: Payee, sats: u64, sent_at: EpochMillis) {
        if self.plans.iter().any(|plan| plan.reference == reference) {
            return;
        }
        let broadcast_at = sent_at.saturating_add(self.pace.first_seen_ms);
        self.plans.push(PayoutPlan {
            reference: reference.to_string(),
            payee,
            sats,
            broadcast_at,
            replace_at: broadcast_at.saturating_add(self.pace.replace_after_ms),
            stage: Stage::Scheduled,
        });
        tracing::debug!("chain: payout scheduled");
    }

    /// Records a confirmed payment of `sats` to `payee` made `days_ago`, before anything the
    /// sandbox paid. Returns its txid.
    pub fn add_earlier_payment(
        &mut self,
        payee: &Payee,
        sats: u64,
        days_ago: u32,
        now: EpochMillis,
    ) -> (String, u32) {
        self.earlier_payments += 1;
        let height = self
            .tip_height
            .saturating_sub(days_ago.saturating_mul(BLOCKS_PER_DAY))
            .max(1);
        let time = now.saturating_sub(i64::from(days_ago).saturating_mul(DAY_MS));
        let block = BlockRef {
            height,
            hash: block_hash(height, time),
            time,
        };
        let tx = earlier_payment(payee, sats, self.earlier_payments, block);
        let txid = tx.txid.clone();
        self.txs.push(tx);
        (txid, height)
    }

    /// Plays out every payout step and block due by `now`, in time order; a payout step at the
    /// same moment as a block goes first.
    pub fn advance_to(&mut self, now: EpochMillis) {
        let interval = self.pace.block_interval_ms;
        loop {
            let next_block_at = self.tip_time.saturating_add(interval);
            let next_step_at = self.plans.iter().filter_map(PayoutPlan::next_step_at).min();
            if let Some(at) = next_step_at.filter(|at| *at <= now && *at <= next_block_at) {
                self.take_steps_due(at);
                continue;
            }
            if next_block_at > now {
                return;
            }
            if self.has_minable(next_block_at) {
                self.mine_block(next_block_at, false);
                continue;
            }
            // Empty blocks up to the next step, the next transaction old enough to mine (or
            // now) at once: a clock moved by a day must not take a loop per block.
            let limit = match next_step_at {
                Some(at) if at <= now => at - 1,
                _ => now,
            };
            let limit = match self.next_minable_at() {
                Some(at) if at <= limit => at - 1,
                _ => limit,
            };
            let blocks = (limit - self.tip_time) / interval;
            self.tip_height = self
                .tip_height
                .saturating_add(u32::try_from(blocks).unwrap_or(u32::MAX));
            self.tip_time = self
                .tip_time
                .saturating_add(blocks.saturating_mul(interval));
        }
    }

    /// Mines `count` blocks at `now`; the regular pace resumes from there.
    pub fn mine_now(&mut self, count: u32, now: EpochMillis) {
        self.advance_to(now);
        for _ in 0..count {
            self.mine_block(now, true);
        }
    }

    fn take_steps_due(&mut self, at: EpochMillis) {
        let mut entering = Vec::new();
        let mut leaving = Vec::new();
        for plan in &mut self.plans {
            if plan.next_step_at() != Some(at) {
                continue;
            }
            match plan.stage {
                Stage::Scheduled => {
                    plan.stage = Stage::Broadcast;
                    entering.push(payout_batch(
                        &plan.reference,
                        &plan.payee,
                        plan.sats,
                        Batch::First,
                        at,
                    ));
                    tracing::debug!("chain: payout batch entered the mempool");
                }
                Stage::Broadcast => {
                    plan.stage = Stage::Replaced;
                    leaving.push(plan.reference.clone());
                    entering.push(payout_batch(
                        &plan.reference,
                        &plan.payee,
                        plan.sats,
                        Batch::Replacement,
                        at,
                    ));
                    tracing::debug!("chain: payout batch replaced by a larger one");
                }
                Stage::Replaced => {}
            }
        }
        self.txs.retain(|tx| !leaving.contains(&tx.txid));
        self.txs.extend(entering);
    }

    /// How long a transaction waits in the mempool before a block may take it: half a block
    /// interval. Blocks come on a fixed beat, so without it a replacement that arrives just
    /// before a block would confirm at once, and a watch polling every few seconds would never
    /// see it replaced.
    fn mempool_wait(&self) -> EpochMillis {
        self.pace.block_interval_ms / 2
    }

    fn minable_at(&self, tx: &ChainTx, at: EpochMillis) -> bool {
        tx.block.is_none() && !tx.held && tx.first_seen.saturating_add(self.mempool_wait()) <= at
    }

    fn has_minable(&self, at: EpochMillis) -> bool {
        self.txs.iter().any(|tx| self.minable_at(tx, at))
    }

    /// When the next transaction waiting in the mempool may be mined.
    fn next_minable_at(&self) -> Option<EpochMillis> {
        self.txs
            .iter()
            .filter(|tx| tx.block.is_none() && !tx.held)
            .map(|tx| tx.first_seen.saturating_add(self.mempool_wait()))
            .min()
    }

    /// Mines a block at `at` with what has waited long enough, or, `forced` (the control
    /// route's "mine now"), with everything in the mempool.
    fn mine_block(&mut self, at: EpochMillis, forced: bool) {
        self.tip_height = self.tip_height.saturating_add(1);
        self.tip_time = at;
        let block = BlockRef {
            height: self.tip_height,
            hash: block_hash(self.tip_height, at),
            time: at,
        };
        let wait = self.mempool_wait();
        for tx in self.txs.iter_mut().filter(|tx| {
            tx.block.is_none() && !tx.held && (forced || tx.first_seen.saturating_add(wait) <= at)
        }) {
            tx.block = Some(block.clone());
        }
    }

    pub fn tx(&self, txid: &str) -> Option<&ChainTx> {
        self.txs
            .iter()
            .find(|tx| tx.txid.eq_ignore_ascii_case(txid))
    }

    /// Esplora's `/address/:address/txs`: unconfirmed newest first, then confirmed newest first.
    pub fn history(&self, script: &Script) -> Vec<&ChainTx> {
        let touching = || self.txs.iter().rev().filter(|tx| tx.touches(script));
        let mut unconfirmed: Vec<&ChainTx> = touching().filter(|tx| tx.block.is_none()).collect();
        unconfirmed.sort_by_key(|tx| std::cmp::Reverse(tx.first_seen));
        unconfirmed.truncate(HISTORY_MEMPOOL_LIMIT);
        let mut confirmed: Vec<&ChainTx> = touching().filter(|tx| tx.block.is_some()).collect();
        confirmed.sort_by_key(|tx| std::cmp::Reverse(tx.block.as_ref().map(|block| block.height)));
        confirmed.truncate(HISTORY_CHAIN_LIMIT);
        unconfirmed.into_iter().chain(confirmed).collect()
    }
}

/// Leading zeros like a real block hash's, so nobody mistakes one for a txid.
fn block_hash(height: u32, time: EpochMillis) -> String {
    let digest = digest_hex(&[b"block", &height.to_le_bytes(), &time.to_le_bytes()]);
    format!("{}{}", "0".repeat(19), &digest[19..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    const SECOND: EpochMillis = 1000;

    fn ledger() -> Ledger {
        let pace = ChainPace {
            first_seen_ms: 2 * SECOND,
            replace_after_ms: 10 * SECOND,
            block_interval_ms: 10 * SECOND,
        };
        Ledger::new(pace, 0)
    }

    fn payee() -> Payee {
        Payee::parse("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").expect("address")
    }

    fn history_summary(ledger: &Ledger) -> Vec<(String, Option<u32>)> {
        ledger
            .history(&payee().script)
            .into_iter()
            .map(|tx| (tx.txid.clone(), tx.block.as_ref().map(|block| block.height)))
            .collect()
    }

    #[test]
    fn a_payout_appears_is_replaced_once_then_confirms_at_the_pace() {
        let mut ledger = ledger();
        ledger.schedule(REFERENCE, payee(), 83_523, 0);
        ledger.advance_to(SECOND);
        assert!(history_summary(&ledger).is_empty());

        ledger.advance_to(2 * SECOND);
        assert_eq!(
            history_summary(&ledger),
            vec![(REFERENCE.to_string(), None)]
        );

        // The block at 10 s leaves the first batch alone: it is waiting to be replaced.
        ledger.advance_to(11 * SECOND);
        assert_eq!(ledger.tip_height(), START_HEIGHT + 1);
        assert_eq!(
            history_summary(&ledger),
            vec![(REFERENCE.to_string(), None)]
        );

        ledger.advance_to(12 * SECOND);
        let replaced = history_summary(&ledger);
        assert_eq!(replaced.len(), 1);
        assert_ne!(replaced[0].0, REFERENCE);
        assert!(ledger.tx(REFERENCE).is_none());

        ledger.advance_to(20 * SECOND);
        assert_eq!(
            history_summary(&ledger),
            vec![(replaced[0].0.clone(), Some(START_HEIGHT + 2))]
        );
        ledger.advance_to(40 * SECOND);
        assert_eq!(ledger.tip_height(), START_HEIGHT + 4);
    }

    #[test]
    fn a_replacement_just_before_a_block_waits_for_the_next_one() {
        let mut ledger = ledger();
        // Seen at 9.7 s, replaced at 19.7 s: 0.3 s before the block at 20 s.
        ledger.schedule(REFERENCE, payee(), 83_523, 7_700);
        ledger.advance_to(20 * SECOND + 500);
        let replaced = history_summary(&ledger);
        assert_ne!(replaced[0].0, REFERENCE);
        assert_eq!(replaced[0].1, None, "too fresh for the block at 20 s");
        ledger.advance_to(30 * SECOND);
        assert_eq!(history_summary(&ledger)[0].1, Some(START_HEIGHT + 3));
    }

    #[test]
    fn scheduling_twice_changes_nothing_and_other_addresses_stay_apart() {
        let mut ledger = ledger();
        ledger.schedule(REFERENCE, payee(), 83_523, 0);
        ledger.schedule(REFERENCE, payee(), 83_523, 0);
        let other = Payee::parse("12c6DSiU4Rq3P4ZxziKxzrL5LmMBrzjrJX").expect("address");
        ledger.schedule(&"ab".repeat(32), other.clone(), 10_000, 0);
        ledger.advance_to(30 * SECOND);
        assert_eq!(history_summary(&ledger).len(), 1);
        assert_eq!(ledger.history(&other.script).len(), 1);
    }

    #[test]
    fn a_long_jump_mines_what_is_due_and_skips_empty_blocks() {
        let mut ledger = ledger();
        ledger.schedule(REFERENCE, payee(), 83_523, 0);
        ledger.advance_to(DAY_MS);
        assert_eq!(ledger.tip_height(), START_HEIGHT + 8640);
        assert_eq!(history_summary(&ledger)[0].1, Some(START_HEIGHT + 2));
    }

    #[test]
    fn mining_on_demand_restarts_the_pace() {
        let mut ledger = ledger();
        ledger.mine_now(3, 5 * SECOND);
        assert_eq!(ledger.tip_height(), START_HEIGHT + 3);
        ledger.advance_to(14 * SECOND);
        assert_eq!(ledger.tip_height(), START_HEIGHT + 3);
        ledger.advance_to(15 * SECOND);
        assert_eq!(ledger.tip_height(), START_HEIGHT + 4);
    }

    #[test]
    fn an_earlier_payment_is_confirmed_long_before() {
        let mut ledger = ledger();
        let (txid, height) = ledger.add_earlier_payment(&payee(), 12_345, 30, 40 * DAY_MS);
        assert_eq!(height, START_HEIGHT - 30 * BLOCKS_PER_DAY);
        assert_eq!(history_summary(&ledger), vec![(txid, Some(height))]);
        let status = ledger.history(&payee().script)[0].status_json();
        assert_eq!(status["block_time"], 10 * 86_400);
    }
}

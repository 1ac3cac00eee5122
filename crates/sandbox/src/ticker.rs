//! The BTC/USD ticker: a price that takes a small random step every update period.

use rand::Rng;

use crate::clock::EpochMillis;

/// Largest step per update, in basis points (0.15 %).
const MAX_STEP_BASIS_POINTS: i64 = 15;
/// After a long idle time, replaying every step would be slow; the walk restarts from here.
const MAX_REPLAYED_STEPS: i64 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TickerSnapshot {
    pub price_usd_cents: u64,
    pub last_updated_at: EpochMillis,
    pub update_frequency_ms: u64,
}

pub(crate) struct Ticker {
    started_at: EpochMillis,
    update_frequency_ms: u64,
    price_usd_cents: u64,
    steps_taken: i64,
}

impl Ticker {
    pub fn new(now: EpochMillis, update_frequency_ms: u64, initial_price_usd_cents: u64) -> Self {
        Self {
            started_at: now,
            update_frequency_ms: update_frequency_ms.max(1),
            price_usd_cents: initial_price_usd_cents,
            steps_taken: 0,
        }
    }

    pub fn snapshot(&mut self, now: EpochMillis) -> TickerSnapshot {
        let period = i64::try_from(self.update_frequency_ms).unwrap_or(i64::MAX);
        let due_steps = now.saturating_sub(self.started_at).max(0) / period;
        let mut rng = rand::rng();
        let first = self.steps_taken.max(due_steps - MAX_REPLAYED_STEPS);
        for _ in first..due_steps {
            let basis_points = rng.random_range(-MAX_STEP_BASIS_POINTS..=MAX_STEP_BASIS_POINTS);
            self.price_usd_cents = step(self.price_usd_cents, basis_points);
        }
        self.steps_taken = self.steps_taken.max(due_steps);
        TickerSnapshot {
            price_usd_cents: self.price_usd_cents,
            last_updated_at: self
                .started_at
                .saturating_add(self.steps_taken.saturating_mul(period)),
            update_frequency_ms: self.update_frequency_ms,
        }
    }
}

fn step(price: u64, basis_points: i64) -> u64 {
    let factor = u128::try_from(10_000 + basis_points).unwrap_or(10_000);
    let next = u128::from(price) * factor / 10_000;
    u64::try_from(next).unwrap_or(price).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_holds_within_a_period_and_moves_a_little_after() {
        let mut ticker = Ticker::new(0, 1000, 6_585_000);
        let first = ticker.snapshot(999);
        assert_eq!(first.price_usd_cents, 6_585_000);
        assert_eq!(first.last_updated_at, 0);
        let later = ticker.snapshot(5_500);
        assert_eq!(later.last_updated_at, 5_000);
        let drift = later.price_usd_cents.abs_diff(6_585_000);
        // five steps of at most 0.15 % each
        assert!(drift <= 6_585_000 * 80 / 10_000, "drift {drift}");
    }

    #[test]
    fn step_is_bounded() {
        assert_eq!(step(10_000, 15), 10_015);
        assert_eq!(step(10_000, -15), 9_985);
        assert_eq!(step(0, -15), 1);
    }
}

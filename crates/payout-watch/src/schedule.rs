//! When to poll next: often while the payout may appear or be replaced, less often while it only
//! gathers confirmations (a block comes about every ten minutes), and ever more slowly while the
//! server fails.

use std::time::Duration;

use crate::watch::{PayoutWatch, WatchState};

/// Between polls while the payout is awaited or unconfirmed.
pub const POLL_WHILE_UNCONFIRMED: Duration = Duration::from_secs(15);
/// Between polls while the payout gathers confirmations.
pub const POLL_WHILE_CONFIRMING: Duration = Duration::from_secs(60);
/// The longest wait, however often polls failed.
pub const LONGEST_POLL_DELAY: Duration = Duration::from_secs(5 * 60);

impl PayoutWatch {
    /// How long to wait before the next poll; `None` once done. Each failure in a row doubles
    /// the wait, up to [`LONGEST_POLL_DELAY`]. A server that asked for a longer pause
    /// ([`crate::WatchError::retry_after`]) should get it.
    pub fn next_poll_delay(&self) -> Option<Duration> {
        let regular = match self.state() {
            WatchState::Done { .. } => return None,
            WatchState::Waiting | WatchState::Seen { .. } | WatchState::Replaced { .. } => {
                POLL_WHILE_UNCONFIRMED
            }
            WatchState::Confirmed { .. } => POLL_WHILE_CONFIRMING,
        };
        let doublings = self.failures().min(16);
        Some(
            regular
                .saturating_mul(1 << doublings)
                .min(LONGEST_POLL_DELAY),
        )
    }
}

#[cfg(test)]
mod tests {
    use time::OffsetDateTime;

    use super::*;
    use crate::target::PayoutTarget;

    #[test]
    fn backs_off_on_failures_and_stops_when_done() {
        let target = PayoutTarget::new(
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            1000,
            OffsetDateTime::UNIX_EPOCH,
        )
        .expect("target");
        let mut watch = PayoutWatch::new(target);
        assert_eq!(watch.next_poll_delay(), Some(POLL_WHILE_UNCONFIRMED));
        watch.record_failure();
        assert_eq!(watch.next_poll_delay(), Some(Duration::from_secs(30)));
        for _ in 0..40 {
            watch.record_failure();
        }
        assert_eq!(watch.next_poll_delay(), Some(LONGEST_POLL_DELAY));
    }
}

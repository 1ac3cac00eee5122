//! The sandbox's time, as epoch milliseconds: it survives restarts in the saved state, and the API
//! shows it as ISO 8601 with milliseconds, like the reference ("2021-04-28T23:35:50.977Z").
//!
//! Every deadline the sandbox keeps (decisions, order and code lifetimes, captcha tokens, the rate
//! limit's block, the ticker, presigned policies) reads one [`Clock`], so a test can move time
//! with a [`ManualClock`] instead of waiting for it.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::OffsetDateTime;

pub(crate) type EpochMillis = i64;

const ISO_8601_MILLIS: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");

/// Where the sandbox reads the time: the system clock (the default), or a [`ManualClock`].
#[derive(Debug, Clone, Default)]
pub struct Clock {
    manual: Option<ManualClock>,
}

impl Clock {
    /// The computer's clock.
    pub fn system() -> Self {
        Self::default()
    }

    pub(crate) fn now_millis(&self) -> EpochMillis {
        match &self.manual {
            Some(manual) => manual.millis.load(Ordering::SeqCst),
            None => system_millis(),
        }
    }
}

impl From<&ManualClock> for Clock {
    fn from(manual: &ManualClock) -> Self {
        Self {
            manual: Some(manual.clone()),
        }
    }
}

/// A clock that stands still until [`ManualClock::advance`] moves it; clones share one time.
/// Give the sandbox `Clock::from(&manual)` in [`crate::SandboxConfig::clock`].
///
/// The S3 endpoint's library (`s3s`) also checks each upload against the computer's clock: the
/// policy must not have expired and its `X-Amz-Date` must be within 15 minutes. The sandbox
/// checks the policy's expiry on its own clock too, so advancing past it refuses an upload that
/// arrives afterwards (with [`crate::ExpiryCheck::EndOfBody`], one still arriving too); but
/// for uploads to pass `s3s`, start at the real time ([`ManualClock::starting_now`]) and do not
/// upload after advancing 15 minutes or more.
#[derive(Debug, Clone)]
pub struct ManualClock {
    millis: Arc<AtomicI64>,
}

impl ManualClock {
    /// A clock that reads `start` until advanced.
    pub fn starting_at(start: SystemTime) -> Self {
        let millis = OffsetDateTime::from(start).unix_timestamp_nanos() / 1_000_000;
        Self {
            millis: Arc::new(AtomicI64::new(i64::try_from(millis).unwrap_or(i64::MAX))),
        }
    }

    /// A clock that reads the time of this call until advanced.
    pub fn starting_now() -> Self {
        Self::starting_at(SystemTime::now())
    }

    /// Moves this clock, and every sandbox reading it, `by` forward.
    pub fn advance(&self, by: Duration) {
        let by = millis(by);
        // `fetch_update` only fails when the closure refuses, and this one never does.
        let _ = self
            .millis
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |now| {
                Some(now.saturating_add(by))
            });
    }
}

fn system_millis() -> EpochMillis {
    let nanos = OffsetDateTime::now_utc().unix_timestamp_nanos();
    i64::try_from(nanos / 1_000_000).unwrap_or(i64::MAX)
}

pub(crate) fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

pub(crate) fn to_datetime(at: EpochMillis) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(at) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

pub(crate) fn iso8601(at: EpochMillis) -> String {
    // Formatting a valid UTC date with this description cannot fail; the fallback is never seen.
    to_datetime(at)
        .format(ISO_8601_MILLIS)
        .unwrap_or_else(|_| String::from("1970-01-01T00:00:00.000Z"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_has_milliseconds_and_z() {
        assert_eq!(iso8601(1_619_653_950_977), "2021-04-28T23:52:30.977Z");
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn a_manual_clock_moves_only_when_advanced_and_clones_share_it() {
        let start = SystemTime::UNIX_EPOCH + Duration::from_millis(1_619_653_950_977);
        let manual = ManualClock::starting_at(start);
        let clock = Clock::from(&manual);
        assert_eq!(clock.now_millis(), 1_619_653_950_977);
        manual.clone().advance(Duration::from_millis(16_500));
        assert_eq!(clock.now_millis(), 1_619_653_967_477);
        assert_eq!(clock.clone().now_millis(), clock.now_millis());
    }

    #[test]
    fn the_default_clock_is_the_system_clock() {
        let before = system_millis();
        let read = Clock::default().now_millis();
        assert!(before <= read && read <= system_millis(), "{before} {read}");
    }
}

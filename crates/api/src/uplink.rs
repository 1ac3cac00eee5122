//! How fast this computer can send to the image store, measured from the uploads made in this
//! run, and the byte budget that lets a photo arrive well inside its 15-second upload permission.

use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The permission lives 15 seconds; aiming for 10 leaves room for the presign's round trip, a
/// slow start and a link that varies.
pub const UPLOAD_TARGET: Duration = Duration::from_secs(10);

/// CardCoins' limit for one photo.
pub const MAX_PHOTO_BYTES: u64 = 5_000_000;

/// The budget before anything is measured: what 0.25 Mbit/s sends in [`UPLOAD_TARGET`], less the
/// form's fields. The first photo of a run is sized for a slow link rather than risk one that
/// cannot arrive in time; the ones after it are sized for the link measured.
pub const UNMEASURED_BUDGET: u64 = 300_000;

/// Uploads shorter than this say more about latency than about the link.
const MIN_MEASURED_BYTES: u64 = 32 * 1024;

/// The last few uploads count; an older one may be from another network.
const KEPT: usize = 3;

/// A byte rate measured on the link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BytesPerSecond(pub u64);

impl BytesPerSecond {
    /// Bits per second in the way people read them: "1.2 Mbit/s", "250 kbit/s".
    pub fn words(self) -> String {
        let bits = self.0.saturating_mul(8);
        if bits >= 1_000_000 {
            format!("{}.{} Mbit/s", bits / 1_000_000, bits % 1_000_000 / 100_000)
        } else {
            format!("{} kbit/s", bits.div_ceil(1000))
        }
    }
}

/// How many bytes a photo may have to arrive in about ten seconds on this link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkBudget {
    pub bytes: u64,
    /// `None` until an upload in this run has been measured.
    pub measured: Option<BytesPerSecond>,
}

impl LinkBudget {
    /// About how long `bytes` take on the measured link.
    pub fn seconds_for(&self, bytes: u64) -> Option<u64> {
        self.measured
            .filter(|rate| rate.0 > 0)
            .map(|rate| bytes.div_ceil(rate.0))
    }

    /// Why `photo` ("the Image1 photo"), `bytes` long and described as `size` ("312 KB"), may
    /// not arrive before its permission runs out. Callers add what the person can do.
    pub fn too_slow_words(&self, photo: &str, bytes: u64, size: &str) -> String {
        let link = match (self.measured, self.seconds_for(bytes)) {
            (Some(rate), Some(seconds)) => format!(
                "This connection sends about {}, so even at its smallest ({size}) {photo} needs about {seconds} seconds",
                rate.words()
            ),
            _ => format!("Even at its smallest ({size}) {photo} may need longer on this connection"),
        };
        format!("{link}, and CardCoins' permission to upload it lasts 15 seconds.")
    }
}

#[derive(Debug, Clone, Copy)]
struct Sample {
    bytes: u64,
    took: Duration,
}

/// Shared by every clone of a client, so every upload in the run counts.
#[derive(Debug, Clone, Default)]
pub(crate) struct UplinkMeter {
    samples: Arc<Mutex<Vec<Sample>>>,
}

impl UplinkMeter {
    /// One upload that got the store's answer: `bytes` sent from the first byte to the answer.
    /// The time includes the answer's latency, so the rate errs low, which is the safe side.
    pub(crate) fn record(&self, bytes: u64, took: Duration) {
        if bytes < MIN_MEASURED_BYTES || took.is_zero() {
            return;
        }
        let mut samples = self
            .samples
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        samples.push(Sample { bytes, took });
        let excess = samples.len().saturating_sub(KEPT);
        samples.drain(..excess);
    }

    pub(crate) fn rate(&self) -> Option<BytesPerSecond> {
        let samples = self
            .samples
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let bytes: u64 = samples.iter().map(|sample| sample.bytes).sum();
        let micros: u128 = samples.iter().map(|sample| sample.took.as_micros()).sum();
        if samples.is_empty() || micros == 0 {
            return None;
        }
        let rate = u128::from(bytes) * 1_000_000 / micros;
        Some(BytesPerSecond(u64::try_from(rate).unwrap_or(u64::MAX)))
    }

    pub(crate) fn budget(&self) -> LinkBudget {
        match self.rate() {
            None => LinkBudget {
                bytes: UNMEASURED_BUDGET,
                measured: None,
            },
            Some(rate) => {
                let fits = u128::from(rate.0) * UPLOAD_TARGET.as_millis() / 1000;
                LinkBudget {
                    bytes: u64::try_from(fits).unwrap_or(u64::MAX).min(MAX_PHOTO_BYTES),
                    measured: Some(rate),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmeasured_links_get_the_slow_budget() {
        let meter = UplinkMeter::default();
        assert_eq!(
            meter.budget(),
            LinkBudget {
                bytes: UNMEASURED_BUDGET,
                measured: None
            }
        );
    }

    #[test]
    fn the_budget_is_ten_seconds_of_the_measured_rate_up_to_five_megabytes() {
        let meter = UplinkMeter::default();
        // 1 Mbit/s: 125,000 bytes a second.
        meter.record(250_000, Duration::from_secs(2));
        assert_eq!(meter.budget().bytes, 1_250_000);
        assert_eq!(meter.budget().seconds_for(2_500_000), Some(20));
        let fast = UplinkMeter::default();
        fast.record(4_000_000, Duration::from_millis(500));
        assert_eq!(fast.budget().bytes, MAX_PHOTO_BYTES);
    }

    #[test]
    fn only_the_last_uploads_count_and_tiny_ones_not_at_all() {
        let meter = UplinkMeter::default();
        meter.record(1_000, Duration::from_secs(5));
        assert_eq!(meter.rate(), None);
        meter.record(100_000, Duration::from_secs(100));
        for _ in 0..KEPT {
            meter.record(200_000, Duration::from_secs(1));
        }
        assert_eq!(meter.rate(), Some(BytesPerSecond(200_000)));
    }

    #[test]
    fn a_photo_too_large_for_the_link_is_explained_with_the_rate_and_the_seconds() {
        let meter = UplinkMeter::default();
        meter.record(64_000, Duration::from_secs(2));
        let words = meter
            .budget()
            .too_slow_words("this photo", 480_000, "480 KB");
        assert!(words.contains("256 kbit/s"), "{words}");
        assert!(words.contains("about 15 seconds"), "{words}");
    }

    #[test]
    fn rates_read_as_bits() {
        assert_eq!(BytesPerSecond(125_000).words(), "1.0 Mbit/s");
        assert_eq!(BytesPerSecond(31_250).words(), "250 kbit/s");
        assert_eq!(BytesPerSecond(1_000_000).words(), "8.0 Mbit/s");
    }
}

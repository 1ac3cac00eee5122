//! Repeating requests that are safe to repeat, with exponential backoff and jitter.

use std::future::Future;
use std::time::Duration;

use rand::Rng;

use crate::error::ApiError;

/// How often and how patiently safe requests (GETs and image uploads) are repeated after a
/// transient failure. Requests with side effects (creating an order, sending a code, submitting
/// a code or payment details) are never repeated, whatever this says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included. 1 means no retry.
    pub max_attempts: u32,
    /// The wait before the second attempt; each later wait doubles, up to `max_delay`.
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// The longest the client holds back after being turned away (a 429 or a firewall's page):
    /// the server's Retry-After, or a minute when it gave none, but never longer than this.
    pub max_blocked_pause: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(400),
            max_delay: Duration::from_secs(4),
            max_blocked_pause: Duration::from_secs(15 * 60),
        }
    }
}

impl RetryPolicy {
    /// No repeats at all.
    pub fn never() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The wait after failed attempt `attempt` (1-based): full jitter over an exponentially
    /// growing window, so many clients failing together do not come back together.
    pub(crate) fn delay_after(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(16);
        let window = self
            .base_delay
            .saturating_mul(1u32 << exponent)
            .min(self.max_delay);
        let window_ms = u64::try_from(window.as_millis()).unwrap_or(u64::MAX);
        if window_ms == 0 {
            return Duration::ZERO;
        }
        // At least half the window, so a retry never comes back instantly.
        let jittered = rand::rng().random_range(window_ms / 2..=window_ms);
        Duration::from_millis(jittered)
    }
}

/// Runs `attempt` until it succeeds, fails permanently, or the policy's attempts are used up.
/// Each call of `attempt` must build its request anew.
pub(crate) async fn with_retries<T, F, Fut>(
    policy: &RetryPolicy,
    operation: &'static str,
    mut attempt: F,
) -> Result<T, ApiError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let max_attempts = policy.max_attempts.max(1);
    let mut number = 1;
    loop {
        match attempt().await {
            Ok(value) => return Ok(value),
            Err(error) if error.is_transient() && number < max_attempts => {
                let wait = policy.delay_after(number);
                tracing::warn!(
                    operation,
                    attempt = number,
                    error_code = %error.code(),
                    wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                    "transient failure; repeating"
                );
                tokio::time::sleep(wait).await;
                number += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    fn quick() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(2),
            max_blocked_pause: Duration::ZERO,
        }
    }

    #[test]
    fn delays_grow_and_stay_capped() {
        let policy = RetryPolicy::default();
        for _ in 0..50 {
            let first = policy.delay_after(1);
            assert!(first >= Duration::from_millis(200) && first <= Duration::from_millis(400));
            let late = policy.delay_after(10);
            assert!(late >= Duration::from_secs(2) && late <= Duration::from_secs(4));
        }
    }

    #[tokio::test]
    async fn transient_errors_are_repeated_until_success() {
        let calls = AtomicU32::new(0);
        let result = with_retries(&quick(), "test", || async {
            if calls.fetch_add(1, Ordering::SeqCst) < 2 {
                Err(ApiError::Server {
                    status: 500,
                    message: String::new(),
                })
            } else {
                Ok(7)
            }
        })
        .await;
        assert_eq!(result.ok(), Some(7));
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn permanent_errors_are_not_repeated() {
        let calls = AtomicU32::new(0);
        let result: Result<(), _> = with_retries(&quick(), "test", || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(ApiError::Blocked {
                status: 429,
                retry_after: None,
            })
        })
        .await;
        assert!(matches!(result, Err(ApiError::Blocked { .. })));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn attempts_are_bounded() {
        let calls = AtomicU32::new(0);
        let result: Result<(), _> = with_retries(&quick(), "test", || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(ApiError::Maintenance {
                message: String::new(),
            })
        })
        .await;
        assert!(matches!(result, Err(ApiError::Maintenance { .. })));
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }
}

//! After CardCoins' firewall (or anything in front of it) turns this network away, the client
//! itself refuses to ask again until the wait is over: every request during a block prolongs
//! it, whether automatic polling or a person pressing "try again".

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::error::ApiError;

/// How long to hold back when the server gave no Retry-After.
pub(crate) const DEFAULT_PAUSE: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Default)]
pub(crate) struct BlockGate {
    until: Arc<Mutex<Option<(Instant, u16)>>>,
}

impl BlockGate {
    /// The block still in force, as the error the refused request would have met.
    pub(crate) fn check(&self) -> Result<(), ApiError> {
        let mut until = self.until.lock().unwrap_or_else(PoisonError::into_inner);
        match *until {
            Some((end, status)) => {
                let now = Instant::now();
                if now < end {
                    Err(ApiError::Blocked {
                        status,
                        retry_after: Some(end - now),
                    })
                } else {
                    *until = None;
                    Ok(())
                }
            }
            None => Ok(()),
        }
    }

    /// Notes a block from an answer; `max_pause` bounds a Retry-After that asks for too much.
    pub(crate) fn note<T>(&self, result: &Result<T, ApiError>, max_pause: Duration) {
        if let Err(ApiError::Blocked {
            status,
            retry_after,
        }) = result
        {
            let pause = retry_after.unwrap_or(DEFAULT_PAUSE).min(max_pause);
            let mut until = self.until.lock().unwrap_or_else(PoisonError::into_inner);
            *until = Some((Instant::now() + pause, *status));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_holds_until_its_pause_is_over() {
        let gate = BlockGate::default();
        assert!(gate.check().is_ok());
        let blocked: Result<(), ApiError> = Err(ApiError::Blocked {
            status: 429,
            retry_after: Some(Duration::from_secs(30)),
        });
        gate.note(&blocked, Duration::from_secs(3600));
        match gate.check() {
            Err(ApiError::Blocked {
                status: 429,
                retry_after: Some(left),
            }) => assert!(left <= Duration::from_secs(30) && left > Duration::from_secs(25)),
            other => panic!("expected the block to hold: {other:?}"),
        }
        let short: Result<(), ApiError> = Err(ApiError::Blocked {
            status: 403,
            retry_after: None,
        });
        gate.note(&short, Duration::ZERO);
        assert!(gate.check().is_ok(), "a zero pause lifts the block at once");
    }

    #[test]
    fn other_failures_do_not_block() {
        let gate = BlockGate::default();
        let failed: Result<(), ApiError> = Err(ApiError::Maintenance {
            message: String::new(),
        });
        gate.note(&failed, Duration::from_secs(60));
        assert!(gate.check().is_ok());
    }
}

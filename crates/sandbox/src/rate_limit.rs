//! The "firewall": a per-IP request budget per minute; over it, the IP is refused for a while.
//!
//! Hand-rolled rather than a GCRA crate because the reference describes a block ("your IP
//! address will be temporarily blocked"), not smoothing, and tests need to see exactly that.
//! Times come from the sandbox's clock so a test can move past a block; on the system clock a
//! jump backwards lengthens a block by the jump, which a practice server can live with.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::clock::{self, EpochMillis};
use crate::error::ApiError;
use crate::state::Shared;

const WINDOW_MS: EpochMillis = 60_000;

struct Budget {
    window_started: EpochMillis,
    requests: u32,
    blocked_until: Option<EpochMillis>,
}

pub(crate) struct RateLimiter {
    per_minute: u32,
    block: Duration,
    clients: Mutex<HashMap<IpAddr, Budget>>,
}

impl RateLimiter {
    pub fn new(per_minute: u32, block: Duration) -> Self {
        Self {
            per_minute,
            block,
            clients: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request; `Err` carries how long the client must wait.
    pub fn admit(&self, client: IpAddr, now: EpochMillis) -> Result<(), Duration> {
        let mut clients = self.clients.lock().unwrap_or_else(PoisonError::into_inner);
        let budget = clients.entry(client).or_insert(Budget {
            window_started: now,
            requests: 0,
            blocked_until: None,
        });
        if let Some(until) = budget.blocked_until {
            if now < until {
                return Err(duration_between(now, until));
            }
            budget.blocked_until = None;
            budget.window_started = now;
            budget.requests = 0;
        }
        if now.saturating_sub(budget.window_started) >= WINDOW_MS {
            budget.window_started = now;
            budget.requests = 0;
        }
        budget.requests = budget.requests.saturating_add(1);
        if budget.requests > self.per_minute {
            budget.blocked_until = Some(now.saturating_add(clock::millis(self.block)));
            return Err(self.block);
        }
        Ok(())
    }
}

fn duration_between(earlier: EpochMillis, later: EpochMillis) -> Duration {
    Duration::from_millis(u64::try_from(later.saturating_sub(earlier)).unwrap_or(0))
}

/// Whole seconds to wait, never 0 (a `Retry-After: 0` would invite a busy loop).
pub(crate) fn retry_after_secs(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

pub(crate) async fn enforce(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let client = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    if let Some(client) = client {
        if let Err(wait) = shared.rate_limiter.admit(client, shared.now()) {
            tracing::warn!(%client, "rate limit: request refused");
            return ApiError::rate_limited(retry_after_secs(wait).max(1)).into_response();
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    #[test]
    fn blocks_after_the_budget_then_lets_through_after_the_block() {
        let limiter = RateLimiter::new(2, Duration::from_secs(5));
        let ip = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let start: EpochMillis = 1_619_653_950_977;
        assert!(limiter.admit(ip, start).is_ok());
        assert!(limiter.admit(ip, start).is_ok());
        assert_eq!(limiter.admit(ip, start), Err(Duration::from_secs(5)));
        assert_eq!(limiter.admit(ip, start + 1000), Err(Duration::from_secs(4)));
        assert!(limiter.admit(ip, start + 5000).is_ok());
        let other = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
        assert!(limiter.admit(other, start).is_ok());
    }

    #[test]
    fn retry_after_rounds_up() {
        assert_eq!(retry_after_secs(Duration::from_millis(1500)), 2);
        assert_eq!(retry_after_secs(Duration::from_secs(3)), 3);
    }
}

//! One reader of the server per order. The Status screen, the status watch and the payout watch
//! all ask about the same orders; each order's reads take turns behind one lock held across
//! read, ask and write, so a change of status is seen (and announced) by exactly one of them. A
//! read within [`MIN_READ_INTERVAL`] of the last one is answered from that one: CardCoins'
//! firewall blocks addresses that ask too often, however many screens are open.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use cardcoins_api::OrderDetails;

pub const MIN_READ_INTERVAL: Duration = Duration::from_secs(10);

/// The server's last answer about one order, and when it came.
#[derive(Debug, Clone)]
pub(crate) struct LastRead {
    pub at: Instant,
    pub details: OrderDetails,
}

pub(crate) type OrderTurn = Arc<tokio::sync::Mutex<Option<LastRead>>>;

#[derive(Debug)]
pub(crate) struct OrderSyncs {
    turns: Mutex<HashMap<String, OrderTurn>>,
    interval: Mutex<Duration>,
}

impl Default for OrderSyncs {
    fn default() -> OrderSyncs {
        OrderSyncs {
            turns: Mutex::new(HashMap::new()),
            interval: Mutex::new(MIN_READ_INTERVAL),
        }
    }
}

impl OrderSyncs {
    /// The order's turn: hold its guard from reading the vault to writing what the server said.
    pub fn turn(&self, handle: &str) -> OrderTurn {
        Arc::clone(
            self.turns
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .entry(handle.to_string())
                .or_default(),
        )
    }

    pub fn interval(&self) -> Duration {
        *self.interval.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Tests that move the practice server's clock must see each move at once.
    #[cfg(test)]
    pub fn set_interval(&self, interval: Duration) {
        *self.interval.lock().unwrap_or_else(PoisonError::into_inner) = interval;
    }

    /// The app itself changed the order (a code, a payout, a photo, a review): the next read
    /// asks the server rather than repeat an answer from before the change.
    pub async fn forget(&self, handle: &str) {
        *self.turn(handle).lock().await = None;
    }
}

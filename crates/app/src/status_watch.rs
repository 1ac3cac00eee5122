//! While the app is open, open orders are asked about now and then; a change of status reaches
//! the frontend as an event and, when approved or rejected, the desktop as a notification
//! (announced by the read that saw it, `orders::fetch`).

use std::time::Duration;

use crate::orders::refresh_open;
use crate::startup::Startup;

/// Often enough to notice a decision within a minute, rarely enough to stay far below the
/// API's rate limit.
const EVERY: Duration = Duration::from_secs(45);

/// Watches open orders for as long as the app runs.
pub async fn run(startup: &Startup) {
    let Ok(state) = startup.ready().await else {
        return;
    };
    loop {
        refresh_open(state).await;
        tokio::time::sleep(EVERY).await;
    }
}

//! While the app is open, open orders are asked about now and then; a change of status reaches
//! the frontend as an event and, when approved or rejected, the desktop as a notification.

use std::time::Duration;

use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;
use tauri_specta::Event;

use crate::orders::{refresh_open, OrderStatusChanged, Outcome};
use crate::startup::Startup;
use crate::state::AppState;

/// Often enough to notice a decision within a minute, rarely enough to stay far below the
/// API's rate limit.
const EVERY: Duration = Duration::from_secs(45);

pub fn spawn(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let startup = app.state::<Startup>();
        let Ok(state) = startup.ready().await else {
            return;
        };
        loop {
            for change in refresh_open(state).await {
                announce(&app, state, &change);
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}

pub fn announce(app: &AppHandle, state: &AppState, change: &OrderStatusChanged) {
    if let Err(error) = change.emit(app) {
        tracing::warn!(%error, "status event not delivered");
    }
    let body = match change.outcome {
        Some(Outcome::Accepted) => "Your card was accepted: the bitcoin is on its way.",
        Some(Outcome::PhotosRejected) => {
            "Some photos were not accepted. Open the order to see why and send new ones."
        }
        Some(Outcome::Gone) => {
            "The order is no longer on file at CardCoins. Open the app to see what to do."
        }
        None => return,
    };
    if !state.settings().notifications {
        return;
    }
    if let Err(error) = app
        .notification()
        .builder()
        .title(format!("CardCoins: {}", change.status_label))
        .body(body)
        .show()
    {
        tracing::info!(%error, "notification not shown");
    }
}

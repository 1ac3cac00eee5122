//! The events the frontend listens to: the engine's changes under the names the UI knows.

use cardcoins_app::orders::StatusChange;
use serde::{Deserialize, Serialize};
use specta::Type;

/// An order whose status changed while the app was open.
#[derive(Debug, Clone, Serialize, Deserialize, Type, tauri_specta::Event)]
#[serde(transparent)]
pub struct OrderStatusChanged(pub StatusChange);

/// A payout watch moved on: the frontend reads the order again.
#[derive(Debug, Clone, Serialize, Deserialize, Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct PayoutWatchChanged {
    pub handle: String,
}

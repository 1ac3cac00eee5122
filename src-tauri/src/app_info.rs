//! What the first screen needs to know about this run of the app.

use cardcoins_vault::KeyStore;
use serde::Serialize;
use specta::Type;

use crate::error::AppError;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    /// Practising against the built-in sandbox: show the banner.
    pub sandbox: bool,
    pub base_url: String,
    /// False: no system keyring, order IDs live only as long as the app runs (say so).
    pub keyring_available: bool,
}

pub async fn info(state: &AppState) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        sandbox: state.sandbox().is_some(),
        base_url: state.api().base_url().to_string(),
        keyring_available: state.key_store().await == KeyStore::OsKeyring,
    }
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: tauri::State<'_, AppState>) -> Result<AppInfo, AppError> {
    Ok(info(&state).await)
}

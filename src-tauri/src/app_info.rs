//! What the first screen needs to know about this run of the app.

use serde::Serialize;

use crate::launch::LaunchOptions;

#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: &'static str,
    pub sandbox: bool,
}

#[tauri::command]
pub fn app_info(options: tauri::State<'_, LaunchOptions>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        sandbox: options.sandbox,
    }
}

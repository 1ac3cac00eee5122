//! Settings' "Help and support": the log folder in the file manager, and the diagnostics on the
//! clipboard.

use cardcoins_core::ErrorCode;
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::diagnostics;
use crate::error::AppError;
use crate::logging::LogFile;
use crate::startup::Startup;

#[tauri::command]
#[specta::specta]
pub async fn open_log_folder(log: tauri::State<'_, LogFile>) -> Result<(), AppError> {
    let folder = log.folder().ok_or_else(|| {
        AppError::new(
            ErrorCode::Io,
            "The app could not make its log folder in this run, so there is no log file to show. Use \"Copy diagnostics\" instead.",
        )
    })?;
    open::that_detached(folder).map_err(|error| {
        tracing::warn!(%error, "the log folder could not be opened");
        AppError::new(
            ErrorCode::Io,
            format!(
                "The file manager could not be opened. The log files are in {}.",
                folder.display()
            ),
        )
    })
}

/// Puts the diagnostics on the clipboard. The app copies, not the page: a web view may refuse a
/// page's clipboard write that comes after waiting for the report, as it no longer follows the
/// click.
#[tauri::command]
#[specta::specta]
pub async fn copy_diagnostics(
    app: tauri::AppHandle,
    startup: tauri::State<'_, Startup>,
    log: tauri::State<'_, LogFile>,
) -> Result<(), AppError> {
    let state = startup.ready().await?;
    let text = diagnostics::report(state, log.folder()).await;
    app.clipboard()
        .write_text(text)
        .map_err(|error| AppError::internal("copying to the clipboard", error))
}

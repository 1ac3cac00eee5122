//! Settings' "Help and support": the log folder in the file manager, and the diagnostics on the
//! clipboard.

use std::path::Path;

use cardcoins_core::ErrorCode;

use crate::diagnostics;
use crate::error::AppError;
use crate::state::AppState;

pub async fn open_log_folder(state: &AppState, log_folder: Option<&Path>) -> Result<(), AppError> {
    let folder = log_folder.ok_or_else(|| {
        AppError::new(
            ErrorCode::Io,
            "The app could not make its log folder in this run, so there is no log file to show. Use \"Copy diagnostics\" instead.",
        )
    })?;
    state
        .shell()
        .open_externally(&folder.display().to_string())
        .map_err(|error| {
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
pub async fn copy_diagnostics(state: &AppState, log_folder: Option<&Path>) -> Result<(), AppError> {
    let text = diagnostics::report(state, log_folder).await;
    state
        .shell()
        .copy_to_clipboard(&text)
        .map_err(|error| AppError::internal("copying to the clipboard", error))
}

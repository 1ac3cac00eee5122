//! Settings' "Help and support": the log folder in the file manager, and the diagnostics on the
//! clipboard.

use std::path::Path;

use cardcoins_core::{ErrorCode, Reason};

use crate::diagnostics;
use crate::error::AppError;
use crate::state::AppState;

pub async fn open_log_folder(state: &AppState, log_folder: Option<&Path>) -> Result<(), AppError> {
    let folder = log_folder.ok_or_else(|| {
        AppError::because(ErrorCode::Io, Reason::new("reason-log-folder-missing"))
    })?;
    state
        .shell()
        .open_externally(&folder.display().to_string())
        .map_err(|error| {
            tracing::warn!(%error, "the log folder could not be opened");
            AppError::because(
                ErrorCode::Io,
                Reason::new("reason-log-folder-not-opened")
                    .with("folder", folder.display().to_string()),
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

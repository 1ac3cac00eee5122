//! What the engine needs from the window around it: events for the frontend, desktop
//! notifications, and facts only the window knows. The desktop shell implements it with Tauri;
//! tests use [`RecordingShell`], which keeps what it was told.

use std::fmt::Debug;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Mutex, PoisonError};

use crate::orders::StatusChange;

pub trait Shell: Send + Sync + Debug + 'static {
    /// An order's status changed: the frontend reads it again.
    fn status_changed(&self, change: &StatusChange);
    /// An order's payout watch moved on: the frontend reads it again.
    fn payout_watch_changed(&self, handle: &str);
    /// A desktop notification, already in the seller's language.
    fn notify(&self, title: &str, body: &str);
    /// The web engine that draws the app, with its version, for the support file.
    fn web_engine(&self) -> String;
    /// Puts text on the clipboard; why not, in a log's words.
    fn copy_to_clipboard(&self, text: &str) -> Result<(), String>;
    /// Opens a web address in the browser or a folder in the file manager.
    fn open_externally(&self, target: &str) -> Result<(), String>;
    /// The system's file chooser, images only; empty when cancelled.
    fn choose_photos(&self, title: String, filter_name: String) -> Choice<'_, Vec<PathBuf>>;
    /// The system's save dialog; `None` when cancelled.
    fn choose_save_path(&self, request: SaveRequest) -> Choice<'_, Option<PathBuf>>;
}

/// What a dialog returns, once the person has chosen; the error is why no dialog opened.
pub type Choice<'a, T> = Pin<Box<dyn Future<Output = Result<T, String>> + Send + 'a>>;

/// A save dialog's words and the file it proposes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub title: String,
    pub file_name: String,
    /// The file type's name, and the extension it filters on.
    pub filter_name: String,
    pub extension: String,
}

/// Keeps every event and notification, for tests and for the command line, which has no window.
#[derive(Debug, Default)]
pub struct RecordingShell {
    told: Mutex<Told>,
    /// Where a save dialog "chooses"; `None` is a cancelled dialog.
    save_to: Mutex<Option<PathBuf>>,
    /// What the photo chooser "chooses".
    photos: Mutex<Vec<PathBuf>>,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Told {
    pub status_changes: Vec<StatusChange>,
    pub payout_watch_changes: Vec<String>,
    /// Title and body of each notification.
    pub notifications: Vec<(String, String)>,
    pub clipboard: Vec<String>,
    pub opened: Vec<String>,
    pub save_dialogs: Vec<SaveRequest>,
}

impl RecordingShell {
    pub fn told(&self) -> Told {
        self.told
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The next save dialogs answer `path` (`None`: cancelled).
    pub fn save_to(&self, path: Option<PathBuf>) {
        *self.save_to.lock().unwrap_or_else(PoisonError::into_inner) = path;
    }

    /// The next photo chooser answers `paths`.
    pub fn choose(&self, paths: Vec<PathBuf>) {
        *self.photos.lock().unwrap_or_else(PoisonError::into_inner) = paths;
    }

    fn keep(&self, tell: impl FnOnce(&mut Told)) {
        tell(&mut self.told.lock().unwrap_or_else(PoisonError::into_inner));
    }
}

impl Shell for RecordingShell {
    fn status_changed(&self, change: &StatusChange) {
        self.keep(|told| told.status_changes.push(change.clone()));
    }

    fn payout_watch_changed(&self, handle: &str) {
        self.keep(|told| told.payout_watch_changes.push(handle.to_string()));
    }

    fn notify(&self, title: &str, body: &str) {
        self.keep(|told| {
            told.notifications
                .push((title.to_string(), body.to_string()))
        });
    }

    fn web_engine(&self) -> String {
        "none (no window)".to_string()
    }

    fn copy_to_clipboard(&self, text: &str) -> Result<(), String> {
        self.keep(|told| told.clipboard.push(text.to_string()));
        Ok(())
    }

    fn open_externally(&self, target: &str) -> Result<(), String> {
        self.keep(|told| told.opened.push(target.to_string()));
        Ok(())
    }

    fn choose_photos(&self, _title: String, _filter_name: String) -> Choice<'_, Vec<PathBuf>> {
        let photos = self
            .photos
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        Box::pin(async move { Ok(photos) })
    }

    fn choose_save_path(&self, request: SaveRequest) -> Choice<'_, Option<PathBuf>> {
        self.keep(|told| told.save_dialogs.push(request));
        let path = self
            .save_to
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        Box::pin(async move { Ok(path) })
    }
}

//! The window comes back where it was left. The window-state plugin writes its file only when
//! the app exits normally; a crash, a kill or a logout would forget the last move. So the state
//! is also written shortly after the window stops moving or resizing.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tauri::{Manager, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// Long enough that a drag or a resize (dozens of events) is written once, at its end.
const SETTLE: Duration = Duration::from_millis(400);

pub fn remember(app: &tauri::App) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let handle = app.handle().clone();
    let changes = Arc::new(AtomicU64::new(0));
    window.on_window_event(move |event| {
        if !matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
            return;
        }
        let this_change = changes.fetch_add(1, Ordering::SeqCst) + 1;
        let (handle, changes) = (handle.clone(), changes.clone());
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(SETTLE).await;
            if changes.load(Ordering::SeqCst) != this_change {
                return;
            }
            if let Err(error) = handle.save_window_state(StateFlags::all()) {
                tracing::debug!(%error, "window state not saved");
            }
        });
    });
}

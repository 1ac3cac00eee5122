//! The engine's [`Shell`] in the desktop app: events to the webview, notifications, the
//! clipboard, the browser and the system's file dialogs.

use std::path::PathBuf;

use cardcoins_app::orders::StatusChange;
use cardcoins_app::shell::{Choice, SaveRequest, Shell};
use tauri::{AppHandle, Manager};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_notification::NotificationExt;
use tauri_specta::Event;

use crate::events::{OrderStatusChanged, PayoutWatchChanged};

pub struct DesktopShell {
    app: AppHandle,
}

impl DesktopShell {
    pub fn new(app: AppHandle) -> DesktopShell {
        DesktopShell { app }
    }

    /// Runs `dialog` on the main thread (GTK wants dialogs made there) and waits for it off it.
    fn on_main_thread<T: Send + 'static, F>(
        &self,
        dialog: impl FnOnce(Option<tauri::WebviewWindow>) -> F + Send + 'static,
    ) -> Choice<'_, T>
    where
        F: std::future::Future<Output = T> + Send + 'static,
    {
        let (sender, receiver) = tokio::sync::oneshot::channel();
        let window = self.app.get_webview_window("main");
        let started = self
            .app
            .run_on_main_thread(move || drop(sender.send(dialog(window))));
        Box::pin(async move {
            started.map_err(|error| error.to_string())?;
            Ok(receiver.await.map_err(|error| error.to_string())?.await)
        })
    }
}

/// The dialog in front of the app's window where the system can say so (GTK places it itself).
fn over(
    dialog: rfd::AsyncFileDialog,
    parent: Option<tauri::WebviewWindow>,
) -> rfd::AsyncFileDialog {
    #[cfg(any(windows, target_os = "macos"))]
    if let Some(window) = &parent {
        return dialog.set_parent(window);
    }
    let _ = parent;
    dialog
}

impl std::fmt::Debug for DesktopShell {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("DesktopShell")
    }
}

impl Shell for DesktopShell {
    fn status_changed(&self, change: &StatusChange) {
        if let Err(error) = OrderStatusChanged(change.clone()).emit(&self.app) {
            tracing::warn!(%error, "status event not delivered");
        }
    }

    fn payout_watch_changed(&self, handle: &str) {
        let event = PayoutWatchChanged {
            handle: handle.to_string(),
        };
        if let Err(error) = event.emit(&self.app) {
            tracing::warn!(%error, "payout event not delivered");
        }
    }

    fn notify(&self, title: &str, body: &str) {
        let shown = self
            .app
            .notification()
            .builder()
            .title(title)
            .body(body)
            .show();
        if let Err(error) = shown {
            tracing::info!(%error, "notification not shown");
        }
    }

    fn web_engine(&self) -> String {
        let name = if cfg!(target_os = "linux") {
            "WebKitGTK"
        } else if cfg!(target_os = "macos") {
            "WebKit"
        } else if cfg!(windows) {
            "WebView2"
        } else {
            "web view"
        };
        match tauri::webview_version() {
            Ok(version) => format!("{name} {version}"),
            Err(error) => format!("{name}, version unknown ({error})"),
        }
    }

    fn copy_to_clipboard(&self, text: &str) -> Result<(), String> {
        self.app
            .clipboard()
            .write_text(text)
            .map_err(|error| error.to_string())
    }

    fn open_externally(&self, target: &str) -> Result<(), String> {
        open::that_detached(target).map_err(|error| error.to_string())
    }

    fn choose_photos(&self, title: String, filter_name: String) -> Choice<'_, Vec<PathBuf>> {
        let chosen = self.on_main_thread(move |parent| {
            // GTK matches patterns case-sensitively; iPhones name photos IMG_0001.HEIC.
            let dialog = rfd::AsyncFileDialog::new().set_title(title).add_filter(
                filter_name,
                &[
                    "jpg", "jpeg", "png", "webp", "heic", "heif", "JPG", "JPEG", "PNG", "WEBP",
                    "HEIC", "HEIF",
                ],
            );
            over(dialog, parent).pick_files()
        });
        Box::pin(async move {
            Ok(chosen
                .await?
                .unwrap_or_default()
                .iter()
                .map(|file| file.path().to_path_buf())
                .collect())
        })
    }

    fn choose_save_path(&self, request: SaveRequest) -> Choice<'_, Option<PathBuf>> {
        let chosen = self.on_main_thread(move |parent| {
            let dialog = rfd::AsyncFileDialog::new()
                .set_title(request.title)
                .set_file_name(request.file_name)
                .add_filter(request.filter_name, &[request.extension]);
            over(dialog, parent).save_file()
        });
        Box::pin(async move { Ok(chosen.await?.map(|file| file.path().to_path_buf())) })
    }
}

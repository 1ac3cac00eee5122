//! What is decided before the first window opens: command-line flags and process environment.

/// Flags the app understands. Unknown flags are ignored so a desktop launcher adding its own
/// (e.g. `%U`) never stops the app from starting.
#[derive(Debug, Clone, Default)]
pub struct LaunchOptions {
    /// `--sandbox`: practise against the local sandbox instead of the real service.
    pub sandbox: bool,
}

impl LaunchOptions {
    pub fn from_args(args: impl Iterator<Item = String>) -> Self {
        let mut options = LaunchOptions::default();
        for arg in args {
            if arg == "--sandbox" {
                options.sandbox = true;
            }
        }
        options
    }
}

/// WebKitGTK's DMABUF renderer shows blank windows on NVIDIA and some Wayland setups; the
/// fallback costs little, and a user who set the variable keeps their choice.
pub fn prepare_environment() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: called first thing in `run`, before any thread is spawned.
        unsafe { std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1") };
    }
}

/// HTTP libraries print request URLs at debug level, and API URLs carry the order ID: they stay
/// at info whatever `CARDCOINS_LOG` asks for.
const HTTP_LIBRARIES_AT_INFO: &str = "reqwest=info,hyper=info,hyper_util=info,h2=info,rustls=info";

/// What the log shows: `base` (a `CARDCOINS_LOG` directive such as `trace`), with the HTTP
/// libraries held at info.
pub(crate) fn log_filter(base: &str) -> tracing_subscriber::EnvFilter {
    tracing_subscriber::EnvFilter::try_new(format!("{base},{HTTP_LIBRARIES_AT_INFO}"))
        .unwrap_or_else(|_| {
            tracing_subscriber::EnvFilter::new(format!("info,{HTTP_LIBRARIES_AT_INFO}"))
        })
}

pub fn init_tracing() {
    let base = std::env::var("CARDCOINS_LOG").unwrap_or_else(|_| "info".to_string());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(log_filter(&base))
        .with_writer(std::io::stderr)
        .try_init();
}

/// The app cannot run (a newer app's order list, a data folder it cannot use): say why in a
/// window, since a person who double-clicked the app never sees a terminal, then quit. The
/// dialog waits for the event loop, so it is shown from a task, not from `setup` itself.
pub fn cannot_start(app: tauri::AppHandle, error: crate::AppError) {
    use tauri::Manager;
    tracing::error!(code = %error.code, message = %error.message, "the app could not start");
    eprintln!("CardCoins could not start: {}", error.message);
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.hide();
    }
    tauri::async_runtime::spawn(async move {
        rfd::AsyncMessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title("CardCoins could not start")
            .set_description(format!(
                "{}\n\nYour saved orders are not affected. If this keeps happening, contact CardCoins support.",
                error.message
            ))
            .set_buttons(rfd::MessageButtons::Ok)
            .show()
            .await;
        app.exit(1);
    });
}

//! What is decided before the first window opens: command-line flags and process environment.

use cardcoins_sandbox::Dialect;

/// Flags the app understands. Unknown flags are ignored so a desktop launcher adding its own
/// (e.g. `%U`) never stops the app from starting.
#[derive(Debug, Clone, Default)]
pub struct LaunchOptions {
    /// `--sandbox`: practise against the local sandbox instead of the real service.
    pub sandbox: bool,
    /// `--dialect NAME` (or `--dialect=NAME`): how the practice server answers where the API
    /// reference is silent, whatever the settings say. A name the sandbox does not know is
    /// ignored, with a log line.
    pub dialect: Option<Dialect>,
}

impl LaunchOptions {
    pub fn from_args(args: impl Iterator<Item = String>) -> Self {
        let mut options = LaunchOptions::default();
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            let dialect = if arg == "--sandbox" {
                options.sandbox = true;
                None
            } else if arg == "--dialect" {
                args.next()
            } else {
                arg.strip_prefix("--dialect=").map(str::to_string)
            };
            if let Some(name) = dialect {
                match name.parse() {
                    Ok(dialect) => options.dialect = Some(dialect),
                    Err(error) => tracing::warn!(%error, "ignoring --dialect"),
                }
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

/// The app cannot run (a newer app's order list, a data folder it cannot use): say why in a
/// window, since a person who double-clicked the app never sees a terminal, then quit. The
/// dialog waits for the event loop, so it is shown from a task, not from `setup` itself. Its
/// words are the catalog's, in the computer's language (`LaunchFailure`).
pub fn cannot_start(app: tauri::AppHandle, error: cardcoins_app::AppError) {
    use tauri::Manager;
    tracing::error!(code = %error.code, message = %error, "the app could not start");
    eprintln!("CardCoins could not start: {error}");
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.hide();
    }
    let words = cardcoins_app::LaunchFailure::in_computer_language(&error);
    tauri::async_runtime::spawn(async move {
        rfd::AsyncMessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title(words.title)
            .set_description(words.body)
            .set_buttons(rfd::MessageButtons::Ok)
            .show()
            .await;
        app.exit(1);
    });
}

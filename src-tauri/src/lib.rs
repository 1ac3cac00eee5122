//! The desktop shell: adapts the Tauri-free crates under `crates/` to commands and windows.
//! Each module is one domain; each command is a few lines that call into a crate.

mod app_info;
pub mod bindings;
mod captcha;
mod checks;
mod diagnostics;
#[cfg(test)]
mod dialect_journeys;
mod error;
mod explorer;
#[cfg(test)]
mod fault_tests;
#[cfg(test)]
mod flow_tests;
mod launch;
mod log_tail;
mod logging;
mod order_views;
mod orders;
mod payout_views;
mod payout_watch;
#[cfg(test)]
mod payout_watch_tests;
mod photos;
mod practice_uplink;
mod records;
#[cfg(test)]
mod records_tests;
#[cfg(test)]
mod secrets_tests;
mod settings;
mod startup;
mod state;
mod status_watch;
mod support;
#[cfg(test)]
mod surface_tests;
#[cfg(test)]
mod upload_queue_tests;
mod vault;
mod window_memory;

pub use error::AppError;
pub use state::{AppState, StartOptions};

use launch::LaunchOptions;
use tauri::Manager;

pub fn run() {
    launch::prepare_environment();
    let log_file = logging::init();
    let options = LaunchOptions::from_args(std::env::args().skip(1));

    let commands = bindings::builder();
    let result = tauri::Builder::default()
        // First, so a second launch only focuses the running window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_denylist(&["captcha"])
                .build(),
        )
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .invoke_handler(commands.invoke_handler())
        .setup(move |app| {
            // First, so a failed start below is in the file a seller can send.
            log_file.open_or_warn(app.path().app_log_dir().map_err(|error| error.to_string()));
            app.manage(log_file);
            commands.mount_events(app);
            let start = StartOptions {
                data_dir: app.path().app_data_dir()?,
                config_dir: Some(app.path().app_config_dir()?),
                sandbox_flag: options.sandbox,
                persist_sandbox: true,
                keyring_service: state::KEYRING_SERVICE.to_string(),
                sandbox_dialect: options.dialect,
                sandbox_clock: None,
            };
            app.manage(startup::Startup::new(start));
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let startup = handle.state::<startup::Startup>();
                match startup.ready().await {
                    Ok(state) => {
                        if let Some(sandbox) = state.sandbox() {
                            tracing::info!(api = %sandbox.api_base_url(), "practising against the built-in sandbox");
                        }
                        status_watch::spawn(handle.clone());
                        payout_watch::spawn(handle.clone());
                    }
                    Err(error) => launch::cannot_start(handle.clone(), error),
                }
            });
            window_memory::remember(app);
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        tracing::error!(%error, "the app could not start");
        eprintln!("CardCoins could not start: {error}");
        std::process::exit(1);
    }
}

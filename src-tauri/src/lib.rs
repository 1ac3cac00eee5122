//! The desktop shell: adapts the Tauri-free crates under `crates/` to commands and windows.
//! Each module is one domain; each command is a few lines that call into a crate.

pub mod bindings;
mod captcha;
mod commands;
mod desktop_shell;
mod events;
mod launch;
#[cfg(test)]
mod surface_tests;
mod window_memory;

use std::sync::Arc;

use cardcoins_app::{logging, payout_watch, status_watch, StartOptions, Startup, KEYRING_SERVICE};
use desktop_shell::DesktopShell;
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
                keyring_service: KEYRING_SERVICE.to_string(),
                sandbox_dialect: options.dialect,
                sandbox_clock: None,
                shell: Arc::new(DesktopShell::new(app.handle().clone())),
            };
            app.manage(Startup::new(start));
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let startup = handle.state::<Startup>();
                match startup.ready().await {
                    Ok(state) => {
                        if let Some(sandbox) = state.sandbox() {
                            tracing::info!(api = %sandbox.api_base_url(), "practising against the built-in sandbox");
                        }
                        tokio::join!(status_watch::run(&startup), payout_watch::run(&startup));
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

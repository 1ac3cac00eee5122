//! The desktop shell: adapts the Tauri-free crates under `crates/` to commands and windows.
//! Each module is one domain; each command is a few lines that call into a crate.

mod app_info;
mod launch;

use launch::LaunchOptions;

pub fn run() {
    launch::prepare_environment();
    let options = LaunchOptions::from_args(std::env::args().skip(1));
    launch::init_tracing();

    let result = tauri::Builder::default()
        .manage(options)
        .invoke_handler(tauri::generate_handler![app_info::app_info])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        tracing::error!(%error, "the app could not start");
        eprintln!("CardCoins could not start: {error}");
        std::process::exit(1);
    }
}

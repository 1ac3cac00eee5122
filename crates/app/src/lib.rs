//! The app's engine: everything an order's life needs from quote to payout, without a window.
//! The desktop shell (src-tauri) turns each public command function into a Tauri command and
//! implements [`Shell`] for events and notifications; tests drive the same functions against the
//! in-process sandbox.

pub mod app_info;
pub mod captcha_page;
pub mod captcha_source;
pub mod checks;
pub mod diagnostics;
pub mod error;
pub mod explorer;
pub mod log_tail;
pub mod logging;
pub mod notices;
pub mod order_sync;
pub mod order_views;
pub mod orders;
pub mod payout_views;
pub mod payout_watch;
pub mod photos;
pub mod practice_uplink;
pub mod records;
pub mod settings;
pub mod shell;
pub mod startup;
pub mod state;
pub mod status_watch;
pub mod support;
pub mod vault;
pub mod wallet;

#[cfg(test)]
mod dialect_journeys;
#[cfg(test)]
mod fault_tests;
#[cfg(test)]
mod flow_tests;
#[cfg(test)]
mod order_sync_tests;
#[cfg(test)]
mod payout_watch_tests;
#[cfg(test)]
mod records_tests;
#[cfg(test)]
mod secrets_tests;
#[cfg(test)]
mod upload_queue_tests;
#[cfg(test)]
mod wallet_tests;

pub use error::AppError;
pub use shell::{RecordingShell, Shell};
pub use startup::{LaunchFailure, Startup};
pub use state::{AppState, StartOptions, KEYRING_SERVICE};

//! The end-to-end harness: a virtual display, tauri-driver, and a WebDriver session on the real
//! app binary. Every process it starts is ended by PID when the harness drops, also on failure.

mod app_session;
pub mod crash;
mod display;
mod error;
pub mod invoices;
pub mod journey;
pub mod keyboard;
pub mod notifications;
mod process_guard;
pub mod sample_files;
mod screenshots;
mod tauri_driver;
pub mod x11;

pub use app_session::{app_binary, AppSession, AppSessionOptions};
pub use error::HarnessError;
pub use screenshots::ScreenshotBook;

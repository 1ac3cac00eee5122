//! The end-to-end harness: a virtual display, tauri-driver, and a WebDriver session on the real
//! app binary. Every process it starts is ended by PID when the harness drops, also on failure.
//!
//! Linux only: it drives WebKitGTK through WebKitWebDriver on an Xvfb display, types into GTK
//! dialogs with xdotool and ends processes with Unix signals. tauri-driver has no macOS
//! WebDriver, and on Windows the window, the dialogs and the signals are all different. On both
//! this crate and its tests compile to nothing, so a workspace-wide build or test still works.

#![cfg(target_os = "linux")]

mod app_session;
pub mod axe;
pub mod crash;
mod display;
mod error;
pub mod fit;
pub mod invoices;
pub mod journey;
pub mod keyboard;
pub mod notifications;
mod process_guard;
pub mod sample_files;
mod screenshots;
pub mod socks_proxy;
mod tauri_driver;
pub mod words;
pub mod x11;

pub use app_session::{app_binary, AppSession, AppSessionOptions};
pub use error::HarnessError;
pub use screenshots::ScreenshotBook;

//! What WebDriver cannot reach: native GTK dialogs. xdotool types into them on the test's own
//! virtual display, as a person would with the keyboard.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::HarnessError;

/// Waits for a top-level window whose title contains `title` and returns its X id.
pub fn wait_for_window(display: &str, title: &str, seconds: u64) -> Result<String, HarnessError> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    loop {
        let output = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", title])
            .env("DISPLAY", display)
            .stderr(Stdio::null())
            .output()
            .map_err(|source| HarnessError::Spawn {
                program: "xdotool",
                source,
            })?;
        let ids = String::from_utf8_lossy(&output.stdout);
        if let Some(id) = ids.lines().map(str::trim).rfind(|line| !line.is_empty()) {
            return Ok(id.to_string());
        }
        if Instant::now() > deadline {
            return Err(HarnessError::NotReady {
                what: "a native dialog window",
                seconds,
            });
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Runs one xdotool command on the display.
pub fn xdotool(display: &str, args: &[&str]) -> Result<(), HarnessError> {
    let status = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .status()
        .map_err(|source| HarnessError::Spawn {
            program: "xdotool",
            source,
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(HarnessError::Io(std::io::Error::other(format!(
            "xdotool {args:?} exited with {status}"
        ))))
    }
}

/// Picks `path` in a GTK file chooser titled `title`: bring the pointer over it (with no window
/// manager, X gives the keyboard to the window under the pointer), open the location field with
/// Ctrl+L, type the path, press Enter.
pub fn choose_file_in_gtk_dialog(
    display: &str,
    title: &str,
    path: &str,
) -> Result<(), HarnessError> {
    let window = wait_for_window(display, title, 15)?;
    // The dialog maps a moment after its window exists.
    std::thread::sleep(Duration::from_millis(700));
    xdotool(display, &["mousemove", "--window", &window, "40", "40"])?;
    let _ = xdotool(display, &["windowfocus", &window]);
    std::thread::sleep(Duration::from_millis(200));
    xdotool(display, &["key", "ctrl+l"])?;
    std::thread::sleep(Duration::from_millis(300));
    xdotool(display, &["type", "--delay", "15", path])?;
    std::thread::sleep(Duration::from_millis(300));
    xdotool(display, &["key", "Return"])?;
    Ok(())
}

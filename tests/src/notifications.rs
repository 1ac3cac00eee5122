//! Desktop notifications as they leave the app: a `Notify` call on the session bus, seen by
//! dbus-monitor. No notification daemon runs under Xvfb, so the call itself is the evidence.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::process_guard::ProcessGuard;
use crate::HarnessError;

pub struct NotificationWatch {
    log: PathBuf,
    _monitor: ProcessGuard,
}

impl NotificationWatch {
    /// Watches the session bus of this process (scripts/with-keyring.sh starts one).
    pub fn start(name: &str) -> Result<Self, HarnessError> {
        let log = std::env::temp_dir().join(format!(
            "cardcoins-e2e-notify-{name}-{}.log",
            std::process::id()
        ));
        let file = std::fs::File::create(&log)?;
        let child = Command::new("dbus-monitor")
            .args([
                "--session",
                "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
            ])
            .stdout(Stdio::from(file))
            .stderr(Stdio::null())
            .spawn()
            .map_err(|source| HarnessError::Spawn {
                program: "dbus-monitor",
                source,
            })?;
        // Calls are seen only once dbus-monitor is a monitor; it says so by printing the
        // NameAcquired/NameLost signals of becoming one.
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::fs::read_to_string(&log).unwrap_or_default().is_empty() {
            if Instant::now() > deadline {
                return Err(HarnessError::NotReady {
                    what: "dbus-monitor",
                    seconds: 10,
                });
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(Self {
            log,
            _monitor: ProcessGuard::new("dbus-monitor", child),
        })
    }

    /// Waits until a notification whose text contains `needle` has been sent.
    pub async fn wait_for(&self, needle: &str, seconds: u64) -> Result<String, HarnessError> {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        loop {
            let seen = std::fs::read_to_string(&self.log).unwrap_or_default();
            if seen.contains(needle) {
                return Ok(seen);
            }
            if Instant::now() > deadline {
                return Err(HarnessError::Fixture {
                    what: "a desktop notification",
                    detail: format!("no Notify call with {needle:?}; the bus saw: {seen:?}"),
                });
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

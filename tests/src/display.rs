//! A private X display per test, so tests can run side by side and never touch a real desktop.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::HarnessError;
use crate::process_guard::ProcessGuard;

pub struct VirtualDisplay {
    pub name: String,
    _xvfb: ProcessGuard,
}

impl VirtualDisplay {
    pub fn start() -> Result<Self, HarnessError> {
        let number = free_display_number();
        let name = format!(":{number}");
        let child = Command::new("Xvfb")
            .args([
                &name,
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
                "-nolisten",
                "unix",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .or_else(|_| {
                // Some Xvfb builds refuse `-nolisten unix`; the abstract socket is enough.
                Command::new("Xvfb")
                    .args([&name, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
            })
            .map_err(|source| HarnessError::Spawn {
                program: "Xvfb",
                source,
            })?;
        let mut guard = ProcessGuard::new("Xvfb", child);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if guard.has_exited() {
                return Err(HarnessError::NotReady {
                    what: "Xvfb",
                    seconds: 0,
                });
            }
            let ready = Command::new("xdpyinfo")
                .args(["-display", &name])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .map(|status| status.success())
                .unwrap_or(false);
            if ready {
                return Ok(Self { name, _xvfb: guard });
            }
            if Instant::now() > deadline {
                return Err(HarnessError::NotReady {
                    what: "Xvfb",
                    seconds: 10,
                });
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn free_display_number() -> u32 {
    let start = 100 + std::process::id() % 400;
    (start..start + 400)
        .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
        .unwrap_or(start)
}

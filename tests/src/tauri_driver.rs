//! tauri-driver sits between WebDriver and WebKitWebDriver and starts the app for each session.

use std::net::{Ipv4Addr, SocketAddrV4, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::HarnessError;
use crate::process_guard::ProcessGuard;

pub struct TauriDriver {
    pub port: u16,
    _process: ProcessGuard,
}

impl TauriDriver {
    pub fn start(display: &str, app_env: &[(String, String)]) -> Result<Self, HarnessError> {
        let port = free_port()?;
        let native_port = free_port()?;
        let mut command = Command::new(tauri_driver_path());
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", display)
            .env("GSETTINGS_BACKEND", "memory")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        for (key, value) in app_env {
            command.env(key, value);
        }
        let child = command.spawn().map_err(|source| HarnessError::Spawn {
            program: "tauri-driver",
            source,
        })?;
        let mut guard = ProcessGuard::new("tauri-driver", child);
        let deadline = Instant::now() + Duration::from_secs(15);
        let address = SocketAddrV4::new(Ipv4Addr::LOCALHOST, port);
        while TcpStream::connect_timeout(&address.into(), Duration::from_millis(200)).is_err() {
            if guard.has_exited() || Instant::now() > deadline {
                return Err(HarnessError::NotReady {
                    what: "tauri-driver",
                    seconds: 15,
                });
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Self {
            port,
            _process: guard,
        })
    }
}

fn tauri_driver_path() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|home| home.join("bin").join("tauri-driver"));
    match cargo_bin {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn free_port() -> Result<u16, HarnessError> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

//! Killing the app the hard way, as a power cut or the OOM killer would: SIGKILL, no chance
//! to save anything. The app is a grandchild (tauri-driver, then WebKitWebDriver), so it is
//! found by its binary and the virtual display it runs on.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::app_session::app_binary;
use crate::{AppSession, HarnessError};

/// The app's order list for the sandbox, under this process's HOME (shared with the app).
pub fn sandbox_order_list() -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("/nonexistent"));
    data.join("co.cardcoins.desktop")
        .join("sandbox")
        .join("orders.json")
}

/// How many orders the app's order list holds now (0 when there is no list yet).
pub fn orders_in_list(path: &Path) -> usize {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .and_then(|list| list["orders"].as_array().map(Vec::len))
        .unwrap_or(0)
}

/// Waits until the list holds more than `before` orders, polling fast: the kill that follows
/// is meant to land right after the create call returned.
pub async fn wait_for_new_order(path: &Path, before: usize) -> Result<(), HarnessError> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while orders_in_list(path) <= before {
        if Instant::now() > deadline {
            return Err(HarnessError::NotReady {
                what: "a new order in the vault's list",
                seconds: 20,
            });
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Ok(())
}

/// The app processes running on this X display (the app binary under test).
pub fn app_pids_on(display: &str) -> Vec<i32> {
    let wanted = std::fs::canonicalize(app_binary()).unwrap_or_else(|_| app_binary());
    let display_var = format!("DISPLAY={display}");
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok();
            exe.is_some_and(|exe| exe == wanted)
                && std::fs::read(format!("/proc/{pid}/environ")).is_ok_and(|environ| {
                    environ
                        .split(|byte| *byte == 0)
                        .any(|var| var == display_var.as_bytes())
                })
        })
        .collect()
}

/// SIGKILLs the session's app and waits until it is gone. The WebDriver session dies with it.
pub fn kill_app(session: &AppSession) -> Result<(), HarnessError> {
    let pids = app_pids_on(session.display_name());
    if pids.is_empty() {
        return Err(HarnessError::NotReady {
            what: "the app process (to kill)",
            seconds: 0,
        });
    }
    for pid in &pids {
        // SAFETY: kill(2) on a PID we just found; no memory is touched.
        unsafe {
            libc::kill(*pid, libc::SIGKILL);
        }
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while pids
        .iter()
        .any(|pid| Path::new(&format!("/proc/{pid}/exe")).exists())
    {
        if Instant::now() > deadline {
            return Err(HarnessError::NotReady {
                what: "the killed app to disappear",
                seconds: 10,
            });
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(())
}

/// Sets the in-app sandbox's fault (JSON such as `"slow_upload"` or `null`) over its control
/// endpoint. `origin` is `http://127.0.0.1:PORT`, as the address of the practice reCAPTCHA
/// script in the captcha window shows it.
pub fn set_sandbox_fault(origin: &str, fault_json: &str) -> Result<(), HarnessError> {
    post_sandbox_control(origin, "faults", fault_json).map(drop)
}

/// POSTs `body` to the in-app sandbox's control route `/sandbox/{route}`; its answer's body.
pub fn post_sandbox_control(origin: &str, route: &str, body: &str) -> Result<String, HarnessError> {
    let authority = origin.trim_start_matches("http://");
    if !authority.starts_with("127.0.0.1:") {
        return Err(HarnessError::Fixture {
            what: "a sandbox control",
            detail: format!("only a loopback sandbox may be told what to do, not {origin}"),
        });
    }
    let mut stream = TcpStream::connect(authority)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "POST /sandbox/{route} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    if answer.starts_with("HTTP/1.1 2") {
        Ok(answer
            .split_once("\r\n\r\n")
            .map(|(_, body)| body.to_string())
            .unwrap_or_default())
    } else {
        Err(HarnessError::Fixture {
            what: "a sandbox control",
            detail: answer.lines().next().unwrap_or_default().to_string(),
        })
    }
}

/// The in-app sandbox's origin: of the loopback ports the app process holds open for listening
/// (sockets it inherited from WebKitWebDriver among them), the one that answers as the sandbox.
pub fn sandbox_origin_of(session: &AppSession) -> Result<String, HarnessError> {
    let not_found = || HarnessError::NotReady {
        what: "the in-app sandbox's listening port",
        seconds: 0,
    };
    let pid = *app_pids_on(session.display_name())
        .first()
        .ok_or_else(not_found)?;
    let inodes: Vec<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))?
        .flatten()
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .filter_map(|target| {
            let target = target.to_string_lossy().into_owned();
            target
                .strip_prefix("socket:[")
                .and_then(|rest| rest.strip_suffix(']'))
                .map(str::to_string)
        })
        .collect();
    let table = std::fs::read_to_string(format!("/proc/{pid}/net/tcp"))?;
    // Columns: sl local_address rem_address st ... inode (the tenth).
    table
        .lines()
        .skip(1)
        .filter_map(|line| {
            let columns: Vec<&str> = line.split_whitespace().collect();
            let (local, state, inode) = (columns.get(1)?, columns.get(3)?, columns.get(9)?);
            let (address, port) = local.split_once(':')?;
            (*state == "0A" && address == "0100007F" && inodes.iter().any(|i| i == inode))
                .then(|| u16::from_str_radix(port, 16).ok())
                .flatten()
        })
        .map(|port| format!("http://127.0.0.1:{port}"))
        .find(|origin| answers_as_sandbox(origin))
        .ok_or_else(not_found)
}

fn answers_as_sandbox(origin: &str) -> bool {
    let authority = origin.trim_start_matches("http://");
    let Ok(mut stream) = TcpStream::connect(authority) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    if write!(
        stream,
        "GET /v2/tickers HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n"
    )
    .is_err()
    {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200") && answer.contains("\"data\"")
}

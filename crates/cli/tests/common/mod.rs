//! `cardcoins sandbox serve` as a child process, and the `cardcoins` binary run against it.
// Each test file uses part of this.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub const BIN: &str = env!("CARGO_BIN_EXE_cardcoins");

/// The sandbox's dialects: each answers differently wherever the API reference is silent.
pub const DIALECTS: [&str; 4] = ["extended", "reference", "keyed", "terse"];

/// Kills the sandbox on every way out of a test, panics included.
struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub struct Sandbox {
    _child: ChildGuard,
    pub base_url: String,
    _data: tempfile::TempDir,
}

pub fn start_sandbox() -> Sandbox {
    start_sandbox_in("extended")
}

pub fn start_sandbox_in(dialect: &str) -> Sandbox {
    start_sandbox_with(dialect, &[])
}

pub fn start_sandbox_with(dialect: &str, options: &[&str]) -> Sandbox {
    assert!(DIALECTS.contains(&dialect), "{dialect}");
    let data = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(BIN)
        .args([
            "sandbox",
            "serve",
            "--port",
            "0",
            "--dialect",
            dialect,
            "--data",
        ])
        .arg(data.path())
        .args(options)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start cardcoins sandbox serve");
    let stdout = child.stdout.take().expect("piped stdout");
    let guard = ChildGuard(child);
    // The first line of stdout is the API base URL; read it on a thread so a silent child
    // cannot hang the test.
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = sender.send(line);
    });
    let line = receiver
        .recv_timeout(Duration::from_secs(30))
        .expect("the sandbox printed its address");
    let base_url = line.trim().to_string();
    assert!(
        base_url.starts_with("http://127.0.0.1:") && base_url.ends_with("/v2"),
        "{base_url:?}"
    );
    Sandbox {
        _child: guard,
        base_url,
        _data: data,
    }
}

impl Sandbox {
    /// Runs `cardcoins` against this sandbox; `stdin` is piped in and closed when given.
    pub fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut child = Command::new(BIN)
            .args(args)
            .env("CARDCOINS_BASE_URL", &self.base_url)
            .env_remove("RUST_LOG")
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run cardcoins");
        if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
            pipe.write_all(text.as_bytes()).expect("write stdin");
        }
        child.wait_with_output().expect("cardcoins output")
    }
}

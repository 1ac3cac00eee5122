//! `cardcoins sandbox serve` as a child process, and the `cardcoins` binary run against it.
// Each test file uses part of this.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

pub const PHONE: &str = "+12025550143";

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

    /// Runs a command that must succeed; returns its stdout. Also checks that nothing on
    /// stderr shows `secret`.
    pub fn ok(&self, args: &[&str], secret: Option<&str>) -> String {
        self.ok_with_stdin(args, None, secret)
    }

    pub fn ok_with_stdin(
        &self,
        args: &[&str],
        stdin: Option<&str>,
        secret: Option<&str>,
    ) -> String {
        let output = self.run(args, stdin);
        let stdout = String::from_utf8_lossy(&output.stdout).to_string();
        let stderr = String::from_utf8_lossy(&output.stderr).to_string();
        assert!(
            output.status.success(),
            "cardcoins {args:?} failed ({:?})\nstdout: {stdout}\nstderr: {stderr}",
            output.status.code()
        );
        if let Some(secret) = secret {
            assert!(
                !stderr.contains(secret),
                "cardcoins {args:?} showed the order ID on stderr: {stderr}"
            );
        }
        stdout
    }

    pub fn json(&self, args: &[&str], secret: Option<&str>) -> Value {
        let mut all = vec!["--json", "-vv"];
        all.extend_from_slice(args);
        let stdout = self.ok(&all, secret);
        serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("{args:?}: {error}: {stdout}"))
    }

    /// Create (with the phone) and verify the phone with a code read from the outbox: the
    /// payout step comes next. Returns the order ID.
    pub fn order_at_payout(&self, amount_cents: &str) -> String {
        let id = self
            .ok(
                &[
                    "order",
                    "create",
                    "--amount-cents",
                    amount_cents,
                    "--phone",
                    PHONE,
                ],
                None,
            )
            .trim()
            .to_string();
        assert!(!id.is_empty());
        let secret = Some(id.as_str());

        let token = self.ok(&["sandbox", "captcha"], secret).trim().to_string();
        assert!(!token.is_empty());
        self.ok(
            &[
                "-vv",
                "phone",
                "send",
                &id,
                "--phone",
                PHONE,
                "--captcha",
                &token,
            ],
            secret,
        );

        let outbox = self.json(&["sandbox", "outbox", "--phone", PHONE], secret);
        let code = outbox
            .as_array()
            .and_then(|messages| messages.last())
            .and_then(|message| message["code"].as_str())
            .unwrap_or_else(|| panic!("no code in the outbox: {outbox}"))
            .to_string();

        // The ID through standard input, as a script that keeps it out of `ps` would.
        self.ok_with_stdin(
            &[
                "-vv", "phone", "verify", "-", "--phone", PHONE, "--code", &code,
            ],
            Some(&format!("{id}\n")),
            secret,
        );
        id
    }
}

use std::io::{IsTerminal, Write};

use serde::Serialize;
use serde_json::json;

use crate::error::CliError;

/// Where results and messages go: results on stdout (text or JSON), everything else on stderr.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    json: bool,
}

impl Output {
    pub fn new(json: bool) -> Output {
        Output { json }
    }

    pub fn is_json(&self) -> bool {
        self.json
    }

    /// Prints a result: `value` as JSON with --json, otherwise `text` (when it is not empty).
    pub fn result<T: Serialize>(&self, value: &T, text: impl FnOnce() -> String) {
        let mut stdout = std::io::stdout().lock();
        let line = if self.json {
            serde_json::to_string_pretty(value).unwrap_or_else(|error| {
                json!({"error": {"code": "encode", "message": error.to_string()}}).to_string()
            })
        } else {
            text()
        };
        if !line.is_empty() {
            // A closed pipe (`| head`) is not worth a panic.
            let _ = writeln!(stdout, "{line}");
        }
    }

    /// A note for the person at the terminal; never part of the result.
    pub fn note(&self, text: impl AsRef<str>) {
        let _ = writeln!(std::io::stderr().lock(), "{}", text.as_ref());
    }

    pub fn error(&self, error: &CliError) {
        let text = if self.json {
            let server_message = match error {
                CliError::Api(error) => error.server_message(),
                _ => None,
            };
            json!({"error": {
                "code": error.code(),
                "kind": error.kind(),
                "message": error.to_string(),
                "server_message": server_message,
            }})
            .to_string()
        } else {
            format!("error: {error}")
        };
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    }

    /// Whether a progress bar makes sense: a person is watching stderr and no JSON is wanted.
    pub fn wants_progress(&self) -> bool {
        !self.json && std::io::stderr().is_terminal()
    }
}

/// An RFC 3339 timestamp, or "unknown".
pub fn timestamp(moment: Option<time::OffsetDateTime>) -> String {
    moment
        .and_then(|moment| {
            moment
                .format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| "unknown".to_string())
}

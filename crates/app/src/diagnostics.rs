//! The text a seller copies for support: what app, on what system, set up how, and the end of
//! the log. Nothing in it may be a secret: no order ID (the log holds only redacted ones), no
//! handle next to an ID, no proxy or server credentials.

use std::fmt::Write;
use std::path::Path;

use cardcoins_vault::KeyStore;

use crate::log_tail;
use crate::state::AppState;

/// How much of the log support gets.
pub const LOG_LINES: usize = 200;

/// The report. `log_folder` is `None` when this run has no log file.
pub async fn report(state: &AppState, log_folder: Option<&Path>) -> String {
    let folder = log_folder.map(Path::to_path_buf);
    let lines = tokio::task::spawn_blocking(move || {
        folder.map(|folder| log_tail::last_lines(&folder, LOG_LINES))
    })
    .await
    .unwrap_or(None);
    let mut text = facts(state).await.text;
    match lines {
        None => {
            let _ = writeln!(
                text,
                "No log file in this run: its folder could not be made. The log went to the terminal only."
            );
        }
        Some(Err(error)) => {
            let _ = writeln!(text, "The log file could not be read ({error}).");
        }
        Some(Ok(lines)) => {
            let _ = writeln!(text, "Last {} log lines, oldest first:", lines.len());
            for line in lines {
                let _ = writeln!(text, "{line}");
            }
        }
    }
    text
}

/// The report without the log: what the support bundle takes, beside the log lines it keeps
/// apart.
pub struct Facts {
    /// The operating system, its version and the architecture.
    pub os: String,
    /// The report's lines up to (and with) the blank line before the log.
    pub text: String,
}

pub async fn facts(state: &AppState) -> Facts {
    let settings = state.settings();
    let key_store = state.key_store().await;
    // Reading the OS version may start a few short programs (lsb_release, uname).
    let os = tokio::task::spawn_blocking(|| os_info::get().to_string())
        .await
        .unwrap_or_else(|_| "unknown".to_string());

    let mut text = String::new();
    let on_off = |on: bool| if on { "on" } else { "off" };
    let _ = writeln!(text, "CardCoins Desktop diagnostics");
    let _ = writeln!(text, "App version: {}", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(text, "Operating system: {os}, {}", std::env::consts::ARCH);
    let _ = writeln!(text, "Web engine: {}", state.shell().web_engine());
    let _ = match state.practice_dialect() {
        Some(dialect) => writeln!(
            text,
            "Practice mode: on (built-in sandbox, dialect {})",
            dialect.as_str()
        ),
        None => writeln!(text, "Practice mode: off"),
    };
    let _ = writeln!(
        text,
        "Server in use: {}",
        address_shown(state.api().base_url().as_str(), true)
    );
    let _ = writeln!(text, "Order IDs kept in: {}", key_store_words(key_store));
    let _ = writeln!(text, "Settings:");
    let _ = writeln!(
        text,
        "  Server address: {}",
        address_shown(&settings.base_url, true)
    );
    let _ = writeln!(
        text,
        "  Practice mode at start: {}",
        on_off(settings.sandbox)
    );
    let _ = writeln!(
        text,
        "  Practice dialect: {}",
        settings.sandbox_dialect.as_str()
    );
    let proxy = settings
        .proxy
        .as_deref()
        .map(str::trim)
        .filter(|proxy| !proxy.is_empty());
    let _ = writeln!(
        text,
        "  Proxy: {}",
        proxy.map_or("not set".to_string(), |proxy| address_shown(proxy, false))
    );
    let _ = writeln!(text, "  Notifications: {}", on_off(settings.notifications));
    let _ = writeln!(text);
    Facts {
        os: format!("{os}, {}", std::env::consts::ARCH),
        text,
    }
}

fn key_store_words(store: KeyStore) -> &'static str {
    match store {
        KeyStore::OsKeyring => "the system keyring",
        KeyStore::SessionOnly => "memory only, for this run (no system keyring works)",
        KeyStore::PlainFileWithConsent => {
            "the app's data file, unencrypted, as the person allowed (no system keyring works)"
        }
    }
}

/// An address without anything that may be a secret: a user name and password are only said to
/// be there; query and fragment are left out, and so is the path unless `with_path`. Text that is
/// not a whole address with a known scheme is not shown at all: `user:password@host` reads as
/// the scheme `user`.
fn address_shown(text: &str, with_path: bool) -> String {
    const SCHEMES: [&str; 6] = ["http", "https", "socks4", "socks4a", "socks5", "socks5h"];
    let url = url::Url::parse(text.trim()).ok().filter(|url| {
        SCHEMES.contains(&url.scheme()) && url.host_str().is_some_and(|host| !host.is_empty())
    });
    let Some(url) = url else {
        return "set, but not a whole address (not shown)".to_string();
    };
    let mut shown = format!("{}://{}", url.scheme(), url.host_str().unwrap_or_default());
    if let Some(port) = url.port() {
        let _ = write!(shown, ":{port}");
    }
    if with_path {
        shown.push_str(url.path());
    }
    if !url.username().is_empty() || url.password().is_some() {
        shown.push_str(" (with a user name and password, not shown)");
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow_tests::practice;
    use crate::logging::{subscriber, LogFile};
    use crate::settings::Settings;
    use crate::{orders, vault};

    #[test]
    fn addresses_lose_their_credentials() {
        assert_eq!(
            address_shown("socks5h://alice:hunter2@127.0.0.1:9050", false),
            "socks5h://127.0.0.1:9050 (with a user name and password, not shown)"
        );
        assert_eq!(
            address_shown("http://proxy.example:3128/?token=abc#x", false),
            "http://proxy.example:3128"
        );
        assert_eq!(
            address_shown("https://bob@api.cardcoins.co/v2?key=abc", true),
            "https://api.cardcoins.co/v2 (with a user name and password, not shown)"
        );
        for unclear in [
            "alice:hunter2@10.0.0.1:8080",
            "alice://hunter2@",
            "10.0.0.1:8080",
            "not an address",
        ] {
            assert_eq!(
                address_shown(unclear, false),
                "set, but not a whole address (not shown)",
                "{unclear}"
            );
        }
    }

    /// A real order in the practice sandbox, logged at trace into a log file the way the app
    /// logs; then the report from that state and that file.
    #[tokio::test]
    async fn the_report_has_the_facts_and_no_secret() {
        let folder = tempfile::tempdir().expect("temp dir");
        let logs = folder.path().join("logs");
        let file = LogFile::default();
        file.open_in(&logs).expect("log file");
        // This thread only; a current-thread runtime keeps the order's own work on it.
        let _logging =
            tracing::subscriber::set_default(subscriber("trace", std::io::sink, false, file));

        let state = practice(folder.path()).await;
        let created = orders::create_order(&state, 5500, None)
            .await
            .expect("order created");
        orders::get_order(&state, &created.handle)
            .await
            .expect("order read");
        let id = vault::order_id(&state, &created.handle)
            .await
            .expect("ID kept")
            .expose_secret()
            .to_string();
        state
            .replace_settings(Settings {
                sandbox: true,
                proxy: Some("socks5h://alice:hunter2@127.0.0.1:9050".into()),
                ..Settings::default()
            })
            .expect("settings kept");

        let text = report(&state, Some(&logs)).await;
        for fact in [
            concat!("App version: ", env!("CARGO_PKG_VERSION")),
            "Operating system: ",
            "Web engine: ",
            "Practice mode: on (built-in sandbox, dialect extended)",
            "Server in use: http://127.0.0.1:",
            "Proxy: socks5h://127.0.0.1:9050 (with a user name and password, not shown)",
            "Notifications: on",
            "Order IDs kept in: ",
            "order created",
        ] {
            assert!(text.contains(fact), "{fact:?} missing from:\n{text}");
        }
        let logged: usize = text
            .split("Last ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|count| count.parse().ok())
            .expect("the log lines' heading");
        assert!(logged >= 3, "the order's log lines are included:\n{text}");
        assert!(!text.contains(&id), "the order ID is in the report");
        for secret in ["alice", "hunter2"] {
            assert!(!text.contains(secret), "{secret} is in the report");
        }
    }

    #[tokio::test]
    async fn without_a_log_file_the_report_says_so() {
        let folder = tempfile::tempdir().expect("temp dir");
        let state = practice(folder.path()).await;
        let text = report(&state, None).await;
        assert!(text.contains("No log file in this run"), "{text}");
        assert!(text.contains("Proxy: not set"), "{text}");
    }
}

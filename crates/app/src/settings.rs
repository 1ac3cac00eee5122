//! The person's settings, kept as JSON in the app's config folder.

use std::path::{Path, PathBuf};

use cardcoins_api::{ApiClient, DEFAULT_BASE_URL};
use cardcoins_sandbox::{Dialect, ExpiryCheck};
use serde::{Deserialize, Serialize};
use specta::Type;

use cardcoins_core::{ErrorCode, Reason};

use crate::error::AppError;
use crate::practice_uplink::{practice_uplink_or_default, PracticeUplink};
use crate::state::AppState;

const FILE_NAME: &str = "settings.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// The API root; production unless changed.
    pub base_url: String,
    /// Practise against the built-in sandbox (takes effect at the next start).
    pub sandbox: bool,
    /// `http://`, `https://`, `socks5://` or `socks5h://` proxy for every request.
    pub proxy: Option<String>,
    /// A desktop notification when an order is approved or rejected.
    pub notifications: bool,
    /// How the practice server answers where the API reference is silent; takes effect at the
    /// next start.
    #[serde(deserialize_with = "dialect_or_default")]
    pub sandbox_dialect: Dialect,
    /// The practice image store's uplink; takes effect at once.
    #[serde(deserialize_with = "practice_uplink_or_default")]
    pub sandbox_uplink: PracticeUplink,
    /// The practice store checks the upload permission when the last byte is in, not when the
    /// upload starts (S3's way): the strictest a store could be. Takes effect at once.
    pub sandbox_expiry_at_end: bool,
    /// Watch approved on-chain payouts until they have 3 confirmations. Sends the payout
    /// address to the Esplora server below (through the proxy, when set).
    pub payout_watch: bool,
    /// The Esplora server the payout watch asks; empty or `None` is a public one
    /// (`DEFAULT_ESPLORA_URL`). Ignored while practising: the sandbox's chain is used.
    pub esplora_url: Option<String>,
    /// The block explorer "View in a block explorer" opens, with `{txid}` where the
    /// transaction goes; empty or `None` is `explorer::DEFAULT_EXPLORER`.
    pub explorer_url: Option<String>,
    /// The language the app speaks (a BCP 47 tag such as `es-US`); `None` follows the
    /// computer's. Takes effect at once.
    pub language: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            base_url: DEFAULT_BASE_URL.to_string(),
            sandbox: false,
            proxy: None,
            notifications: true,
            sandbox_dialect: Dialect::default(),
            sandbox_uplink: PracticeUplink::default(),
            sandbox_expiry_at_end: false,
            payout_watch: false,
            esplora_url: None,
            explorer_url: None,
            language: None,
        }
    }
}

/// A dialect a newer or older app wrote that this one does not know gives the default, rather
/// than losing every other setting with it.
fn dialect_or_default<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Dialect, D::Error> {
    let raw = serde_json::Value::deserialize(deserializer)?;
    Ok(raw
        .as_str()
        .and_then(|name| name.parse().ok())
        .unwrap_or_else(|| {
            tracing::warn!("unknown sandbox dialect in the settings; using the default");
            Dialect::default()
        }))
}

impl Settings {
    pub fn practice_expiry_check(&self) -> ExpiryCheck {
        if self.sandbox_expiry_at_end {
            ExpiryCheck::EndOfBody
        } else {
            ExpiryCheck::AtArrival
        }
    }

    pub fn path_in(config_dir: &Path) -> PathBuf {
        config_dir.join(FILE_NAME)
    }

    /// Missing file: defaults. Unreadable file: defaults, logged; the app must still start.
    pub fn load(path: &Path) -> Settings {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|error| {
                tracing::warn!(%error, "settings file unreadable; using defaults");
                Settings::default()
            }),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Settings::default(),
            Err(error) => {
                tracing::warn!(%error, "settings file unreadable; using defaults");
                Settings::default()
            }
        }
    }

    pub fn save(&self, path: &Path) -> Result<(), AppError> {
        let failed = |error: &dyn std::fmt::Display| {
            tracing::warn!(%error, "the settings could not be saved");
            AppError::because(
                ErrorCode::SettingsNotSaved,
                Reason::new("reason-settings-not-saved").with("path", path.display().to_string()),
            )
        };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| failed(&e))?;
        }
        let body = serde_json::to_vec_pretty(self).map_err(|e| failed(&e))?;
        let mut file = atomic_write_file::AtomicWriteFile::open(path).map_err(|e| failed(&e))?;
        std::io::Write::write_all(&mut file, &body).map_err(|e| failed(&e))?;
        file.commit().map_err(|e| failed(&e))
    }

    /// Checks the settings by building the client they describe.
    pub fn client(&self, base_url: &str) -> Result<ApiClient, AppError> {
        let mut builder = ApiClient::builder().base_url(base_url);
        if let Some(proxy) = self
            .proxy
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            builder = builder.proxy(proxy);
        }
        Ok(builder.build()?)
    }
}

pub async fn get_settings(state: &AppState) -> Settings {
    state.settings()
}

pub async fn save_settings(state: &AppState, settings: Settings) -> Result<(), AppError> {
    crate::payout_watch::check_settings(&settings, state.sandbox().is_some())?;
    crate::explorer::check_settings(&settings)?;
    state.replace_settings(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_settings_come_back_and_bad_files_give_defaults() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = Settings::path_in(folder.path());
        assert_eq!(Settings::load(&path), Settings::default());
        let mine = Settings {
            base_url: "http://127.0.0.1:9/v2".into(),
            sandbox: true,
            proxy: Some("socks5h://127.0.0.1:9050".into()),
            notifications: false,
            sandbox_dialect: Dialect::Reference,
            sandbox_uplink: PracticeUplink::OneMbit,
            sandbox_expiry_at_end: true,
            payout_watch: true,
            esplora_url: Some("http://127.0.0.1:3002/api".into()),
            explorer_url: Some("https://mempool.space/tx/{txid}".into()),
            language: Some("es-US".into()),
        };
        mine.save(&path).expect("saved");
        assert_eq!(Settings::load(&path), mine);
        std::fs::write(
            &path,
            r#"{"sandboxDialect":"klingon","sandboxUplink":"56k","notifications":false}"#,
        )
        .expect("written");
        let odd = Settings::load(&path);
        assert_eq!(odd.sandbox_dialect, Dialect::default());
        assert_eq!(odd.sandbox_uplink, PracticeUplink::Unlimited);
        assert!(!odd.notifications, "the other settings survive");
        assert!(
            !odd.payout_watch,
            "files from before the payout watch leave it off"
        );
        assert_eq!(odd.esplora_url, None);
        std::fs::write(&path, "{ not json").expect("written");
        assert_eq!(Settings::load(&path), Settings::default());
    }

    #[test]
    fn unusable_settings_are_refused_with_words() {
        let remote_http = Settings {
            base_url: "http://api.example.com/v2".into(),
            ..Settings::default()
        };
        let error = remote_http
            .client(&remote_http.base_url)
            .expect_err("plain http");
        assert_eq!(error.code, ErrorCode::InvalidSettings);
        assert!(error.to_string().contains("plain http"), "{error}");
        let reason = error.reason.expect("which setting, and why");
        reason.check().unwrap_or_else(|problem| panic!("{problem}"));
        let bad_proxy = Settings {
            proxy: Some("gopher://x".into()),
            ..Settings::default()
        };
        assert_eq!(
            bad_proxy.client(DEFAULT_BASE_URL).expect_err("proxy").code,
            ErrorCode::InvalidSettings
        );
    }
}

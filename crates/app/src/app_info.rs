//! What the first screen needs to know about this run of the app.

use cardcoins_core::Reason;
use cardcoins_vault::KeyStore;
use serde::Serialize;
use specta::Type;

use crate::state::AppState;

/// Where order IDs are kept in this run, as the UI branches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum IdStorage {
    /// The system keyring.
    Keyring,
    /// No keyring works and no OK was given: IDs live only as long as the app runs.
    ThisRunOnly,
    /// No keyring works and the person allowed the data file: IDs are stored unencrypted.
    PlainFile,
}

impl From<KeyStore> for IdStorage {
    fn from(store: KeyStore) -> IdStorage {
        match store {
            KeyStore::OsKeyring => IdStorage::Keyring,
            KeyStore::SessionOnly => IdStorage::ThisRunOnly,
            KeyStore::PlainFileWithConsent => IdStorage::PlainFile,
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    /// Practising against the built-in sandbox: show the banner.
    pub sandbox: bool,
    pub base_url: String,
    pub id_storage: IdStorage,
    /// A sentence saying where order IDs are kept and what that means.
    pub id_storage_note: String,
    /// The saved order list was damaged when the app started: what was kept and what was not.
    pub vault_damage: Option<VaultDamageView>,
    /// Why phone verification cannot work in this build (no reCAPTCHA site key or registered
    /// hostname), for the UI to word; `None` when it can. The phone step shows it and sends
    /// nothing.
    pub captcha_problem: Option<Reason>,
    /// The computer's language (BCP 47), which the app speaks unless Settings names another.
    pub os_locale: String,
}

/// What was wrong with the saved order list at start, for the UI to say in the seller's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VaultDamageView {
    /// Orders read and kept.
    pub kept: u32,
    /// Entries that could not be read.
    pub unreadable: u32,
    /// Where the damaged file was copied, when that worked.
    pub backup: Option<String>,
}

impl From<&cardcoins_vault::FileDamage> for VaultDamageView {
    fn from(damage: &cardcoins_vault::FileDamage) -> VaultDamageView {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        VaultDamageView {
            kept: count(damage.kept),
            unreadable: count(damage.unreadable),
            backup: damage
                .backup
                .as_ref()
                .map(|path| path.display().to_string()),
        }
    }
}

pub async fn app_info(state: &AppState) -> AppInfo {
    let (store, damage) = state
        .vault(|vault| {
            Ok((
                vault.key_store(),
                vault.file_damage().map(VaultDamageView::from),
            ))
        })
        .await
        .unwrap_or((KeyStore::SessionOnly, None));
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        sandbox: state.sandbox().is_some(),
        base_url: state.api().base_url().to_string(),
        id_storage: store.into(),
        id_storage_note: store.explanation().to_string(),
        vault_damage: damage,
        captcha_problem: state.captcha().problem().cloned(),
        os_locale: computer_locale(),
    }
}

/// The computer's language as a BCP 47 tag; English when the system names none.
pub fn computer_locale() -> String {
    sys_locale::get_locale().unwrap_or_else(|| cardcoins_catalog::FALLBACK_LOCALE.to_string())
}

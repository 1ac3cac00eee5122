//! What every command shares: the API client, the order vault, photos prepared but not yet
//! uploaded, the settings, and the in-process sandbox when practising.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use cardcoins_api::{ApiClient, DEFAULT_BASE_URL};
use cardcoins_core::ImageSlot;
use cardcoins_photos::{IntakeOptions, PhotoIntake, PreparedPhoto};
use cardcoins_sandbox::{Clock, Dialect, Sandbox, SandboxConfig, SandboxHandle};
use cardcoins_vault::{KeyStore, OrderVault, VaultError};

use crate::captcha_source::CaptchaSource;
use crate::shell::Shell;
use cardcoins_catalog::Catalog;

use crate::app_info::computer_locale;
use crate::error::AppError;
use crate::order_sync::OrderSyncs;
use crate::settings::Settings;

/// The keyring service name order IDs are stored under (the app's identifier).
pub const KEYRING_SERVICE: &str = "co.cardcoins.desktop";

/// Where the state lives and whether to practise.
#[derive(Debug, Clone)]
pub struct StartOptions {
    /// The app's data folder: the order list goes here (or in `sandbox/` when practising).
    pub data_dir: PathBuf,
    /// Where `settings.json` lives; `None` keeps settings in memory (tests).
    pub config_dir: Option<PathBuf>,
    /// `--sandbox`: practise against an in-process sandbox whatever the settings say.
    pub sandbox_flag: bool,
    /// Sandbox server state survives restarts in `data_dir/sandbox/server` unless this is false.
    pub persist_sandbox: bool,
    pub keyring_service: String,
    /// The sandbox's dialect, whatever the settings say (`--dialect NAME`, and tests).
    pub sandbox_dialect: Option<Dialect>,
    /// The sandbox's clock: the system's unless a test moves time itself.
    pub sandbox_clock: Option<Clock>,
    /// Where events and notifications go.
    pub shell: Arc<dyn Shell>,
}

pub struct AppState {
    api: RwLock<ApiClient>,
    vault: Arc<Mutex<OrderVault>>,
    prepared: Mutex<HashMap<(String, ImageSlot), Arc<PreparedPhoto>>>,
    intake: PhotoIntake,
    settings: Mutex<Settings>,
    settings_path: Option<PathBuf>,
    sandbox: Option<SandboxHandle>,
    /// How the practice server answers in this run, when practising.
    practice_dialect: Option<Dialect>,
    captcha: CaptchaSource,
    /// One captcha window at a time.
    pub captcha_gate: tokio::sync::Mutex<()>,
    /// One upload at a time per order: photos sent together would split the uplink, and each
    /// would take twice as long against its 15-second permission.
    upload_turns: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Each order's one reader of the server (`orders::fetch`).
    pub(crate) order_syncs: OrderSyncs,
    /// One wallet address handed out at a time, so two orders never get the same one.
    pub(crate) wallet_turn: tokio::sync::Mutex<()>,
    shell: Arc<dyn Shell>,
}

impl AppState {
    /// Reads the settings, opens the vault and, when practising, starts the sandbox on a free
    /// loopback port. Must run inside the Tokio runtime the sandbox is to serve on.
    pub async fn start(options: StartOptions) -> Result<AppState, AppError> {
        let settings_path = options.config_dir.as_deref().map(Settings::path_in);
        let settings = settings_path
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default();
        let practising = options.sandbox_flag || settings.sandbox;
        let practice_dialect =
            practising.then(|| options.sandbox_dialect.unwrap_or(settings.sandbox_dialect));
        let (sandbox, vault_dir, service) = if practising {
            let config = SandboxConfig {
                data_dir: options
                    .persist_sandbox
                    .then(|| options.data_dir.join("sandbox").join("server")),
                dialect: options.sandbox_dialect.unwrap_or(settings.sandbox_dialect),
                clock: options.sandbox_clock.clone().unwrap_or_default(),
                uplink: settings.sandbox_uplink.uplink(),
                expiry_check: settings.practice_expiry_check(),
                ..SandboxConfig::default()
            };
            let handle = Sandbox::start(config)
                .await
                .map_err(|error| AppError::internal("starting the practice server", error))?;
            (
                Some(handle),
                options.data_dir.join("sandbox"),
                format!("{}.sandbox", options.keyring_service),
            )
        } else {
            (
                None,
                options.data_dir.clone(),
                options.keyring_service.clone(),
            )
        };
        let api = match &sandbox {
            // The sandbox is on this machine: a proxy would only get in the way.
            Some(handle) => Settings {
                proxy: None,
                ..settings.clone()
            }
            .client(handle.api_base_url().as_str())?,
            // Saved settings that no longer work must not stop the app: the defaults are used
            // and the settings screen shows the saved values to fix.
            None => settings.client(&settings.base_url).or_else(|error| {
                tracing::warn!(code = %error.code, "saved settings unusable; using the defaults");
                Settings::default().client(DEFAULT_BASE_URL)
            })?,
        };
        let captcha = match &sandbox {
            Some(handle) => CaptchaSource::practice(handle),
            None => CaptchaSource::production(),
        };
        let vault = tokio::task::spawn_blocking(move || OrderVault::open(&vault_dir, &service))
            .await
            .map_err(|error| AppError::internal("opening the order vault", error))??;
        if let Some(damage) = vault.file_damage() {
            tracing::warn!(message = %damage.message(), "order list damaged");
        }
        Ok(AppState {
            api: RwLock::new(api),
            vault: Arc::new(Mutex::new(vault)),
            prepared: Mutex::new(HashMap::new()),
            upload_turns: Mutex::new(HashMap::new()),
            intake: PhotoIntake::new(IntakeOptions::default()),
            settings: Mutex::new(settings),
            settings_path,
            sandbox,
            practice_dialect,
            captcha,
            captcha_gate: tokio::sync::Mutex::new(()),
            order_syncs: OrderSyncs::default(),
            wallet_turn: tokio::sync::Mutex::new(()),
            shell: options.shell,
        })
    }

    pub fn api(&self) -> ApiClient {
        self.api
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Tests swap in a client with short timeouts, so a hung server costs seconds, not minutes.
    #[cfg(test)]
    pub(crate) fn use_client(&self, client: ApiClient) {
        *self.api.write().unwrap_or_else(PoisonError::into_inner) = client;
    }

    /// The catalog in the seller's language: the one chosen in Settings, else the computer's.
    pub fn catalog(&self) -> Catalog {
        let chosen = self
            .settings()
            .language
            .filter(|tag| !tag.trim().is_empty());
        Catalog::for_tag(&chosen.unwrap_or_else(computer_locale))
    }

    pub fn shell(&self) -> &dyn Shell {
        self.shell.as_ref()
    }

    pub fn sandbox(&self) -> Option<&SandboxHandle> {
        self.sandbox.as_ref()
    }

    pub fn practice_dialect(&self) -> Option<Dialect> {
        self.practice_dialect
    }

    /// The reCAPTCHA the captcha window runs, or why there is none in this build.
    pub fn captcha(&self) -> &CaptchaSource {
        &self.captcha
    }

    pub fn intake(&self) -> &PhotoIntake {
        &self.intake
    }

    pub fn settings(&self) -> Settings {
        self.settings
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Checks, saves and applies new settings. A change of sandbox mode applies at the next start.
    pub fn replace_settings(&self, settings: Settings) -> Result<(), AppError> {
        if self.sandbox.is_none() {
            let client = settings.client(&settings.base_url)?;
            if let Some(path) = &self.settings_path {
                settings.save(path)?;
            }
            *self.api.write().unwrap_or_else(PoisonError::into_inner) = client;
        } else {
            // Validate the proxy and address anyway, so a mistake shows now, not at next start.
            settings.client(&settings.base_url)?;
            if let Some(path) = &self.settings_path {
                settings.save(path)?;
            }
            if let Some(sandbox) = &self.sandbox {
                sandbox.set_uplink(settings.sandbox_uplink.uplink());
                sandbox.set_expiry_check(settings.practice_expiry_check());
            }
        }
        *self.settings.lock().unwrap_or_else(PoisonError::into_inner) = settings;
        Ok(())
    }

    /// Runs `work` on the vault on a blocking thread: keyring calls and fsync take a while.
    pub async fn vault<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut OrderVault) -> Result<T, VaultError> + Send + 'static,
    ) -> Result<T, AppError> {
        let vault = self.vault.clone();
        tokio::task::spawn_blocking(move || {
            let mut vault = vault.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut vault)
        })
        .await
        .map_err(|error| AppError::internal("using the order vault", error))?
        .map_err(AppError::from)
    }

    pub async fn key_store(&self) -> KeyStore {
        self.vault(|vault| Ok(vault.key_store()))
            .await
            .unwrap_or(KeyStore::SessionOnly)
    }

    pub fn keep_prepared(&self, handle: &str, slot: ImageSlot, photo: PreparedPhoto) {
        self.prepared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert((handle.to_string(), slot), Arc::new(photo));
    }

    pub fn prepared(&self, handle: &str, slot: ImageSlot) -> Option<Arc<PreparedPhoto>> {
        self.prepared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&(handle.to_string(), slot))
            .cloned()
    }

    /// The order's upload queue: hold its guard while sending.
    pub fn upload_turn(&self, handle: &str) -> Arc<tokio::sync::Mutex<()>> {
        Arc::clone(
            self.upload_turns
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .entry(handle.to_string())
                .or_default(),
        )
    }

    pub fn drop_prepared(&self, handle: &str, slot: Option<ImageSlot>) {
        self.prepared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|(h, s), _| !(h == handle && slot.is_none_or(|slot| slot == *s)));
    }
}

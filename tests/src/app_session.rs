//! One WebDriver session on the real app: its own display, its own tauri-driver, its own app
//! process (tauri-driver ends the app when the session closes).

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::wd::WindowHandle;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::display::VirtualDisplay;
use crate::error::HarnessError;
use crate::screenshots::repo_root;
use crate::tauri_driver::TauriDriver;

/// WebKitWebDriver now and then closes the connection instead of answering a new-session
/// request (the app never got a window); a fresh display and driver then start it fine.
const SESSION_ATTEMPTS: u64 = 3;

/// A refusal at the connection, as opposed to a WebDriver answer saying why no session was made
/// (which a second try would only repeat).
fn is_connection_refusal(error: &fantoccini::error::NewSessionError) -> bool {
    use fantoccini::error::NewSessionError;
    matches!(
        error,
        NewSessionError::Failed(_) | NewSessionError::FailedC(_) | NewSessionError::Lost(_)
    )
}

#[derive(Debug, Clone, Default)]
pub struct AppSessionOptions {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

impl AppSessionOptions {
    /// The app on its in-process sandbox.
    pub fn sandbox() -> Self {
        Self {
            args: vec!["--sandbox".into()],
            ..Default::default()
        }
    }

    /// The app on its in-process sandbox, with settings and orders in folders of its own
    /// (`<name>-config`, `<name>-data` in the scratch folder): nothing another journey saved
    /// is seen here.
    pub fn sandbox_with_own_folders(name: &str) -> Self {
        let config = crate::journey::scratch_dir(&format!("{name}-config"));
        let data = crate::journey::scratch_dir(&format!("{name}-data"));
        Self {
            args: vec!["--sandbox".into()],
            env: vec![
                ("XDG_CONFIG_HOME".into(), config.display().to_string()),
                ("XDG_DATA_HOME".into(), data.display().to_string()),
            ],
        }
    }
}

impl AppSessionOptions {
    /// The same app with the desktop asking for dark mode, as a person who chose a dark theme
    /// has it. WebKitGTK answers `prefers-color-scheme: dark` when GTK_THEME names a `:dark`
    /// variant; GTK then draws the window frame dark too.
    pub fn in_dark_mode(mut self) -> Self {
        self.env.push(("GTK_THEME".into(), "Adwaita:dark".into()));
        self
    }
}

pub struct AppSession {
    pub client: Client,
    /// The app's main window, the one WebDriver starts in; accessibility checks run only there.
    pub main_window: WindowHandle,
    // Dropped after the client, in this order: the driver, then the display.
    _driver: TauriDriver,
    display: VirtualDisplay,
}

impl AppSession {
    pub async fn start(options: AppSessionOptions) -> Result<Self, HarnessError> {
        let app = app_binary();
        if !app.exists() {
            return Err(HarnessError::MissingApp(app.display().to_string()));
        }
        let mut attempt = 1;
        loop {
            match Self::start_once(&app, &options).await {
                Err(HarnessError::NewSession(refusal))
                    if attempt < SESSION_ATTEMPTS && is_connection_refusal(&refusal) =>
                {
                    eprintln!("e2e: WebDriver session refused ({refusal}); trying again");
                    tokio::time::sleep(Duration::from_millis(500 * attempt)).await;
                    attempt += 1;
                }
                outcome => return outcome,
            }
        }
    }

    /// One display, one driver, one session; all of it is dropped on failure.
    async fn start_once(
        app: &std::path::Path,
        options: &AppSessionOptions,
    ) -> Result<Self, HarnessError> {
        let display = VirtualDisplay::start()?;
        eprintln!("e2e: virtual display {} is up", display.name);
        let driver = TauriDriver::start(&display.name, &options.env)?;
        eprintln!("e2e: tauri-driver listens on port {}", driver.port);
        let capabilities = json!({
            "browserName": "wry",
            "tauri:options": { "application": app, "args": options.args },
        });
        let capabilities = match capabilities {
            serde_json::Value::Object(map) => map,
            _ => serde_json::Map::new(),
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await?;
        eprintln!("e2e: WebDriver session open on {}", app.display());
        let main_window = client.window().await?;
        Ok(Self {
            client,
            main_window,
            _driver: driver,
            display,
        })
    }

    pub fn display_name(&self) -> &str {
        &self.display.name
    }

    /// Waits for an element by its `data-testid`.
    pub async fn find_test_id(&self, test_id: &str) -> Result<Element, HarnessError> {
        let selector = format!("[data-testid=\"{test_id}\"]");
        Ok(self
            .client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(&selector))
            .await?)
    }

    /// Whether an element with this `data-testid` is on screen now, without waiting.
    pub async fn is_present(&self, test_id: &str) -> Result<bool, HarnessError> {
        let selector = format!("[data-testid=\"{test_id}\"]");
        match self.client.find(Locator::Css(&selector)).await {
            Ok(_) => Ok(true),
            Err(error) if error.is_no_such_element() => Ok(false),
            Err(error) => Err(error.into()),
        }
    }

    /// Clears a field and types into it, key by key, as a person would.
    pub async fn type_into(&self, test_id: &str, text: &str) -> Result<(), HarnessError> {
        let field = self.find_test_id(test_id).await?;
        field.clear().await?;
        field.send_keys(text).await?;
        Ok(())
    }

    /// Clicks the element as a person would: scrolled to the middle of the window first, where
    /// the step's action bar (kept at the bottom edge) cannot cover it.
    pub async fn click(&self, test_id: &str) -> Result<(), HarnessError> {
        let element = self.find_test_id(test_id).await?;
        let handle = serde_json::to_value(&element)
            .map_err(|error| HarnessError::Io(std::io::Error::other(error.to_string())))?;
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});",
                vec![handle],
            )
            .await?;
        element.click().await?;
        Ok(())
    }

    /// Waits until the element's text contains `needle` and returns the whole text.
    pub async fn wait_for_text(
        &self,
        test_id: &str,
        needle: &str,
        seconds: u64,
    ) -> Result<String, HarnessError> {
        self.wait_for_any_text(test_id, &[needle], seconds).await
    }

    /// Waits until the element's text contains one of `needles` and returns the whole text.
    pub async fn wait_for_any_text(
        &self,
        test_id: &str,
        needles: &[&str],
        seconds: u64,
    ) -> Result<String, HarnessError> {
        let deadline = std::time::Instant::now() + Duration::from_secs(seconds);
        let mut last = String::new();
        loop {
            if let Ok(element) = self.find_test_id(test_id).await {
                last = element.text().await.unwrap_or_default();
                if needles.iter().any(|needle| last.contains(needle)) {
                    return Ok(last);
                }
            }
            if std::time::Instant::now() > deadline {
                return Err(HarnessError::TextNotFound {
                    test_id: test_id.to_string(),
                    needle: needles.join(" or "),
                    last,
                });
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    pub async fn close(self) -> Result<(), HarnessError> {
        self.client.close().await?;
        Ok(())
    }
}

/// The binary that embeds ui/dist (built with `--features embed`); `CARDCOINS_APP_BIN` overrides.
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("CARDCOINS_APP_BIN") {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("debug").join("cardcoins-desktop")
}

//! The captcha window: the app's own captcha page (crates/app/captcha/) in a window of its own,
//! with no capability (so no IPC), running under the registered hostname as reCAPTCHA requires
//! (`CaptchaSource::page_url`), and handing its token to Rust by navigating to a sentinel URL on
//! that origin, which is cancelled here. The window uses the proxy from Settings, like the API
//! client, so Google sees the address CardCoins sees; it closes itself after a time limit.

mod webview;

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use cardcoins_core::{ErrorCode, Reason};
use tauri::{Manager, WebviewUrl, WebviewWindowBuilder, WindowEvent};
use tokio::sync::oneshot;
use url::Url;

use cardcoins_app::captcha_page;
use cardcoins_app::{AppError, Startup};

use webview::WebviewProxy;

const WINDOW_LABEL: &str = "captcha";
const SENTINEL_PATH: &str = "/captcha/done";
/// reCAPTCHA's own answers last two minutes; a window left open far longer is forgotten.
const TIME_LIMIT: Duration = Duration::from_secs(10 * 60);

/// The token from a navigation to `<registered origin>/captcha/done?token=T`; `None` for any
/// other navigation (the page loading, the captcha's own frames).
pub fn token_from_navigation(page: &Url, navigation: &Url) -> Option<String> {
    if navigation.origin() != page.origin()
        || navigation.path().trim_end_matches('/') != SENTINEL_PATH
    {
        return None;
    }
    navigation
        .query_pairs()
        .find(|(key, _)| key == "token")
        .map(|(_, value)| value.trim().to_string())
        .filter(|token| !token.is_empty())
}

/// Whether the window may go to `navigation`: the blank start, the page itself, or the captcha
/// service's frames. Anything else would take the page away from the check.
fn may_navigate(page: &Url, service_origins: &[String], navigation: &Url) -> bool {
    navigation.scheme() == "about"
        || navigation.origin() == page.origin()
        || service_origins
            .iter()
            .any(|origin| navigation.as_str().starts_with(origin.as_str()))
}

type Outcome = Arc<Mutex<Option<oneshot::Sender<Option<String>>>>>;

fn finish(outcome: &Outcome, token: Option<String>) {
    if let Some(sender) = outcome
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
    {
        let _ = sender.send(token);
    }
}

/// Resolves once the captcha window no longer exists, however it went (a window manager or a
/// test driver may close it without the close event reaching the app).
async fn gone(app: &tauri::AppHandle) {
    loop {
        tokio::time::sleep(Duration::from_millis(400)).await;
        match app.get_webview_window(WINDOW_LABEL) {
            None => return,
            Some(window) if window.is_visible().is_err() => return,
            Some(_) => {}
        }
    }
}

enum Ending {
    Token(Option<String>),
    Closed,
    TimedOut,
}

#[tauri::command]
#[specta::specta]
pub async fn solve_captcha(
    app: tauri::AppHandle,
    startup: tauri::State<'_, Startup>,
) -> Result<String, AppError> {
    let state = startup.ready().await?;
    let source = state.captcha();
    // Refused before anything opens when this build has no site key.
    let page = source.page_url()?;
    let html = captcha_page::render(source)?;
    let proxy = if source.uses_proxy() {
        WebviewProxy::from_setting(state.settings().proxy.as_deref())?
    } else {
        WebviewProxy::Direct
    };
    let blank = Url::parse("about:blank")
        .map_err(|error| AppError::internal("opening the captcha window", error))?;

    let Ok(_one_at_a_time) = state.captcha_gate.try_lock() else {
        if let Some(window) = app.get_webview_window(WINDOW_LABEL) {
            let _ = window.set_focus();
        }
        return Err(AppError::new(ErrorCode::CaptchaOpen));
    };
    let (sender, receiver) = oneshot::channel();
    let outcome: Outcome = Arc::new(Mutex::new(Some(sender)));

    let on_token = outcome.clone();
    let sentinel_page = page.clone();
    let service_origins = source.service_origins();
    #[allow(unused_mut)]
    let mut builder = WebviewWindowBuilder::new(&app, WINDOW_LABEL, WebviewUrl::External(blank))
        .title(state.catalog().text("dialog-captcha-title", &[]))
        .inner_size(460.0, 640.0)
        .center()
        .on_navigation(move |url| {
            if let Some(token) = token_from_navigation(&sentinel_page, url) {
                finish(&on_token, Some(token));
                return false;
            }
            may_navigate(&sentinel_page, &service_origins, url)
        });
    #[cfg(not(target_os = "linux"))]
    if let Some(proxy_url) = webview::builder_proxy(&proxy)? {
        builder = builder.proxy_url(proxy_url);
    }
    let window = builder
        .build()
        .map_err(|error| AppError::internal("opening the captcha window", error))?;
    let on_close = outcome.clone();
    window.on_window_event(move |event| {
        if matches!(
            event,
            WindowEvent::Destroyed | WindowEvent::CloseRequested { .. }
        ) {
            finish(&on_close, None);
        }
    });
    if let Err(error) = webview::load(&window, html, page, proxy).await {
        let _ = window.destroy();
        return Err(error);
    }

    let ending = tokio::select! {
        outcome = receiver => Ending::Token(outcome.ok().flatten()),
        () = gone(&app) => Ending::Closed,
        () = tokio::time::sleep(TIME_LIMIT) => Ending::TimedOut,
    };
    let _ = window.destroy();
    match ending {
        Ending::Token(Some(token)) => Ok(token),
        Ending::Token(None) | Ending::Closed => Err(AppError::new(ErrorCode::CaptchaNotCompleted)),
        Ending::TimedOut => Err(AppError::because(
            ErrorCode::CaptchaTimeout,
            Reason::new("reason-captcha-timeout").with("minutes", TIME_LIMIT.as_secs() / 60),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).expect("test URL")
    }

    #[test]
    fn takes_the_token_only_from_the_sentinel_on_the_registered_origin() {
        let page = url("https://desktop.cardcoins.invalid/");
        assert_eq!(
            token_from_navigation(
                &page,
                &url("https://desktop.cardcoins.invalid/captcha/done?token=abc%2B1")
            ),
            Some("abc+1".to_string())
        );
        assert_eq!(
            token_from_navigation(
                &page,
                &url("https://DESKTOP.cardcoins.invalid:443/captcha/done/?x=1&token=T")
            ),
            Some("T".to_string())
        );
        for other in [
            "https://desktop.cardcoins.invalid/",
            "https://desktop.cardcoins.invalid/captcha/done",
            "https://desktop.cardcoins.invalid/captcha/done?token=",
            "https://desktop.cardcoins.invalid/captcha/done-not?token=T",
            "https://desktop.cardcoins.invalid/x/captcha/done?token=T",
            "http://desktop.cardcoins.invalid/captcha/done?token=T",
            "https://desktop.cardcoins.invalid:8443/captcha/done?token=T",
            "https://evil.example/captcha/done?token=T",
            "http://127.0.0.1:4000/sandbox/captcha/done?token=T",
            "https://www.google.com/recaptcha/api2/anchor?token=T",
            "about:blank",
        ] {
            assert_eq!(token_from_navigation(&page, &url(other)), None, "{other}");
        }
    }

    #[test]
    fn the_window_stays_on_the_page_and_the_service() {
        let page = url("https://desktop.example.com/");
        let service = ["https://www.google.com/recaptcha/".to_string()];
        for allowed in [
            "about:blank",
            "https://desktop.example.com/",
            "https://www.google.com/recaptcha/api2/anchor?k=x",
        ] {
            assert!(may_navigate(&page, &service, &url(allowed)), "{allowed}");
        }
        for refused in [
            "https://www.google.com/search?q=x",
            "https://www.google.com.evil.example/recaptcha/",
            "http://desktop.example.com/",
            "https://evil.example/",
            "file:///etc/passwd",
        ] {
            assert!(!may_navigate(&page, &service, &url(refused)), "{refused}");
        }
    }
}

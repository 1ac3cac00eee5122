//! The captcha window: the captcha page in a window of its own, with no capability (so no IPC),
//! handing its token to Rust by navigating to a sentinel URL that is cancelled here.

use std::sync::{Arc, Mutex, PoisonError};

use tauri::{Manager, WebviewUrl, WebviewWindowBuilder, WindowEvent};
use tokio::sync::oneshot;
use url::Url;

use crate::error::AppError;
use crate::state::AppState;

const WINDOW_LABEL: &str = "captcha";
const SENTINEL_SUFFIX: &str = "/captcha/done";

/// The token from a navigation to `<captcha origin>/…/captcha/done?token=T`; `None` for any other
/// navigation (the page loading, the captcha's own frames, a link elsewhere).
pub fn token_from_navigation(captcha_page: &Url, navigation: &Url) -> Option<String> {
    if navigation.origin() != captcha_page.origin()
        || !navigation
            .path()
            .trim_end_matches('/')
            .ends_with(SENTINEL_SUFFIX)
    {
        return None;
    }
    navigation
        .query_pairs()
        .find(|(key, _)| key == "token")
        .map(|(_, value)| value.trim().to_string())
        .filter(|token| !token.is_empty())
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
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        match app.get_webview_window(WINDOW_LABEL) {
            None => return,
            Some(window) if window.is_visible().is_err() => return,
            Some(_) => {}
        }
    }
}

#[tauri::command]
#[specta::specta]
pub async fn solve_captcha(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
) -> Result<String, AppError> {
    let Ok(_one_at_a_time) = state.captcha_gate.try_lock() else {
        if let Some(window) = app.get_webview_window(WINDOW_LABEL) {
            let _ = window.set_focus();
        }
        return Err(AppError::new(
            "captcha_open",
            "The captcha window is already open: solve it there.",
        ));
    };
    let page = state.captcha_url();
    let (sender, receiver) = oneshot::channel();
    let outcome: Outcome = Arc::new(Mutex::new(Some(sender)));

    let on_token = outcome.clone();
    let sentinel_page = page.clone();
    let window = WebviewWindowBuilder::new(&app, WINDOW_LABEL, WebviewUrl::External(page))
        .title("CardCoins: are you a person?")
        .inner_size(460.0, 640.0)
        .center()
        .on_navigation(
            move |url| match token_from_navigation(&sentinel_page, url) {
                Some(token) => {
                    finish(&on_token, Some(token));
                    false
                }
                None => true,
            },
        )
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

    let token = tokio::select! {
        outcome = receiver => outcome.ok().flatten(),
        () = gone(&app) => None,
    };
    let _ = window.destroy();
    token.ok_or_else(|| {
        AppError::new(
            "captcha_not_completed",
            "The captcha was closed before it was solved. Solve it to get the code sent.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).expect("test URL")
    }

    #[test]
    fn takes_the_token_only_from_the_sentinel_on_the_page_origin() {
        let page = url("http://127.0.0.1:4000/sandbox/captcha");
        assert_eq!(
            token_from_navigation(
                &page,
                &url("http://127.0.0.1:4000/sandbox/captcha/done?token=abc%2B1")
            ),
            Some("abc+1".to_string())
        );
        assert_eq!(
            token_from_navigation(
                &page,
                &url("http://127.0.0.1:4000/captcha/done/?x=1&token=T")
            ),
            Some("T".to_string())
        );
        for other in [
            "http://127.0.0.1:4000/sandbox/captcha",
            "http://127.0.0.1:4000/sandbox/captcha/done",
            "http://127.0.0.1:4000/sandbox/captcha/done?token=",
            "http://127.0.0.1:4000/sandbox/captcha/done-not?token=T",
            "http://127.0.0.1:4001/sandbox/captcha/done?token=T",
            "https://evil.example/captcha/done?token=T",
            "https://www.google.com/recaptcha/api2/anchor?token=T",
        ] {
            assert_eq!(token_from_navigation(&page, &url(other)), None, "{other}");
        }
    }
}

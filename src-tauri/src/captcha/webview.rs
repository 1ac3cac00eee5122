//! Putting the captcha page into the captcha window under the registered origin, through each
//! platform's own "load HTML with a base URL", and routing the window through the proxy.
//!
//! reCAPTCHA checks the hostname the page runs on, so the page must run under the registered
//! hostname (`CaptchaSource::page_url`) although no server for that name is ever asked for it.
//!
//! Only the Linux path (WebKitGTK) is compiled and tested on the machines this project is built
//! on; the macOS and Windows paths follow those platforms' documented APIs (objc2-web-kit,
//! webview2-com, the same versions wry uses) and have never been compiled here.

use cardcoins_core::{ErrorCode, Reason};
use tauri::WebviewWindow;
use tokio::sync::oneshot;
use url::Url;

use cardcoins_app::AppError;

/// Where the window's requests go: straight out, or through the proxy from Settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebviewProxy {
    Direct,
    Through(Url),
}

impl WebviewProxy {
    /// The proxy in Settings as the web engine takes it. `socks5h://` (names resolved by the
    /// proxy, as Tor needs) becomes `socks5://`, the only spelling the engines know: WebKitGTK's
    /// SOCKS5 (GIO's) sends the name to the proxy rather than resolving it here (checked by the
    /// e2e test captcha_origin), as Chromium's (WebView2) does.
    pub fn from_setting(proxy: Option<&str>) -> Result<WebviewProxy, AppError> {
        let Some(text) = proxy.map(str::trim).filter(|text| !text.is_empty()) else {
            return Ok(WebviewProxy::Direct);
        };
        let refused = |reason: Reason| AppError::because(ErrorCode::InvalidSettings, reason);
        let mut url = Url::parse(text).map_err(|error| {
            tracing::warn!(%error, "the proxy is not an address");
            refused(Reason::new("reason-captcha-proxy-unusable"))
        })?;
        if url.host_str().is_none_or(str::is_empty) || url.port_or_known_default().is_none() {
            return Err(refused(Reason::new("reason-captcha-proxy-no-port")));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(refused(Reason::new("reason-captcha-proxy-password")));
        }
        match url.scheme() {
            "http" | "socks5" => {}
            "socks5h" => {
                url.set_scheme("socks5")
                    .map_err(|()| refused(Reason::new("reason-captcha-proxy-unusable")))?;
            }
            "https" if cfg!(target_os = "linux") => {}
            other => {
                return Err(refused(
                    Reason::new("reason-captcha-proxy-scheme").with("scheme", other),
                ))
            }
        }
        Ok(WebviewProxy::Through(url))
    }
}

/// Loads `html` into `window` as the document at `base` (the page URL), after routing
/// the window through `proxy`. Runs on the main thread; waits for it to be done.
pub async fn load(
    window: &WebviewWindow,
    html: String,
    base: Url,
    proxy: WebviewProxy,
) -> Result<(), AppError> {
    let (done, outcome) = oneshot::channel();
    window
        .with_webview(move |webview| {
            let _ = done.send(platform::load(webview, &html, &base, &proxy));
        })
        .map_err(|error| AppError::internal("loading the captcha page", error))?;
    outcome
        .await
        .map_err(|error| AppError::internal("loading the captcha page", error))?
        .map_err(|error| AppError::internal("loading the captcha page", error))
}

/// Options the window builder needs for the proxy where the platform takes it at creation.
#[cfg(not(target_os = "linux"))]
pub fn builder_proxy(proxy: &WebviewProxy) -> Result<Option<Url>, AppError> {
    match proxy {
        WebviewProxy::Direct => Ok(None),
        // wry takes a macOS proxy only with its `mac-proxy` feature (macOS 14 and later);
        // without it the proxy would be silently ignored and the check would leave from the
        // real address, so the window is refused instead.
        #[cfg(all(target_os = "macos", not(feature = "macos-proxy")))]
        WebviewProxy::Through(_) => Err(AppError::because(
            ErrorCode::InvalidSettings,
            Reason::new("reason-captcha-proxy-macos"),
        )),
        #[cfg(not(all(target_os = "macos", not(feature = "macos-proxy"))))]
        WebviewProxy::Through(url) => Ok(Some(url.clone())),
    }
}

#[cfg(target_os = "linux")]
mod platform {
    use tauri::webview::PlatformWebview;
    use url::Url;
    use webkit2gtk::{
        NetworkProxyMode, NetworkProxySettings, WebContextExt, WebViewExt, WebsiteDataManagerExt,
    };

    use super::WebviewProxy;

    /// The proxy is set on the web context's network session, which the captcha window shares
    /// with the main window (WebKit lets only one context be driven by WebDriver). The main window
    /// loads nothing from the network, so the setting only matters here; it is set every time,
    /// so a proxy removed in Settings stops applying.
    pub fn load(
        webview: PlatformWebview,
        html: &str,
        base: &Url,
        proxy: &WebviewProxy,
    ) -> Result<(), String> {
        let view = webview.inner();
        let manager = view
            .context()
            .and_then(|context| context.website_data_manager())
            .ok_or("the captcha window has no network session")?;
        match proxy {
            WebviewProxy::Direct => {
                manager.set_network_proxy_settings(NetworkProxyMode::NoProxy, None)
            }
            WebviewProxy::Through(url) => {
                let mut settings = NetworkProxySettings::new(Some(url.as_str()), &[]);
                manager.set_network_proxy_settings(NetworkProxyMode::Custom, Some(&mut settings));
            }
        }
        view.load_html(html, Some(base.as_str()));
        Ok(())
    }
}

#[cfg(target_os = "macos")]
mod platform {
    use objc2_foundation::{NSString, NSURL};
    use objc2_web_kit::WKWebView;
    use tauri::webview::PlatformWebview;
    use url::Url;

    use super::WebviewProxy;

    /// WKWebView's `loadHTMLString:baseURL:`; the proxy was given to the window builder.
    pub fn load(
        webview: PlatformWebview,
        html: &str,
        base: &Url,
        _proxy: &WebviewProxy,
    ) -> Result<(), String> {
        // SAFETY: on macOS `inner()` is the window's WKWebView, alive while the window is, and
        // this runs on the main thread (with_webview's closure), as WebKit requires.
        // Both arguments are valid Objective-C objects for the duration of the call.
        unsafe {
            let view: &WKWebView = &*webview.inner().cast::<WKWebView>();
            let base = NSURL::URLWithString(&NSString::from_str(base.as_str()))
                .ok_or("the registered hostname makes no URL")?;
            view.loadHTMLString_baseURL(&NSString::from_str(html), Some(&base));
        }
        Ok(())
    }
}

#[cfg(windows)]
mod platform {
    use tauri::webview::PlatformWebview;
    use url::Url;
    use webview2_com::Microsoft::Web::WebView2::Win32::{
        ICoreWebView2WebResourceRequestedEventArgs, COREWEBVIEW2_WEB_RESOURCE_CONTEXT_DOCUMENT,
    };
    use webview2_com::{take_pwstr, WebResourceRequestedEventHandler};
    use windows::core::{HSTRING, PWSTR};
    use windows::Win32::UI::Shell::SHCreateMemStream;

    use super::WebviewProxy;

    /// WebView2 has no "HTML with a base URL": the page is served for the document request to
    /// `https://<hostname>/` by a WebResourceRequested filter on that one host, and the webview
    /// navigates there. The sentinel navigation is cancelled in NavigationStarting (Tauri's
    /// on_navigation) before it requests anything. The proxy was given to the window builder.
    pub fn load(
        webview: PlatformWebview,
        html: &str,
        base: &Url,
        _proxy: &WebviewProxy,
    ) -> Result<(), String> {
        let page = base.as_str().to_string();
        let html = html.as_bytes().to_vec();
        let environment = webview.environment();
        // SAFETY: COM calls on the webview's own thread (with_webview's closure), with live
        // interfaces from Tauri; the handler keeps its own clones.
        unsafe {
            let core = webview
                .controller()
                .CoreWebView2()
                .map_err(|e| e.to_string())?;
            core.AddWebResourceRequestedFilter(
                &HSTRING::from(format!("{page}*")),
                COREWEBVIEW2_WEB_RESOURCE_CONTEXT_DOCUMENT,
            )
            .map_err(|e| e.to_string())?;
            let handler = WebResourceRequestedEventHandler::create(Box::new(
                move |_, args: Option<ICoreWebView2WebResourceRequestedEventArgs>| {
                    let Some(args) = args else { return Ok(()) };
                    let mut uri = PWSTR::null();
                    args.Request()?.Uri(&mut uri)?;
                    if take_pwstr(uri) != page {
                        return Ok(());
                    }
                    let stream = SHCreateMemStream(Some(html.as_slice()));
                    let response = environment.CreateWebResourceResponse(
                        stream.as_ref(),
                        200,
                        &HSTRING::from("OK"),
                        &HSTRING::from("Content-Type: text/html; charset=utf-8"),
                    )?;
                    args.SetResponse(&response)
                },
            ));
            let mut token: i64 = 0;
            core.add_WebResourceRequested(&handler, &mut token)
                .map_err(|e| e.to_string())?;
            core.Navigate(&HSTRING::from(base.as_str()))
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_proxy_becomes_the_window_proxy() {
        assert_eq!(
            WebviewProxy::from_setting(None).expect("none"),
            WebviewProxy::Direct
        );
        assert_eq!(
            WebviewProxy::from_setting(Some("  ")).expect("blank"),
            WebviewProxy::Direct
        );
        let through = |text: &str| match WebviewProxy::from_setting(Some(text)).expect(text) {
            WebviewProxy::Through(url) => url.to_string(),
            WebviewProxy::Direct => panic!("{text} went direct"),
        };
        assert_eq!(
            through("socks5h://127.0.0.1:9050"),
            "socks5://127.0.0.1:9050"
        );
        assert_eq!(through("socks5://10.0.0.2:1080"), "socks5://10.0.0.2:1080");
        assert_eq!(through("http://proxy.lan:3128"), "http://proxy.lan:3128/");
        for refused in [
            "gopher://x:1",
            "socks5h://",
            "http://user:pw@proxy.lan:3128",
            "nonsense",
        ] {
            let error = WebviewProxy::from_setting(Some(refused)).expect_err(refused);
            assert_eq!(error.code, ErrorCode::InvalidSettings);
            assert!(error.to_string().contains("captcha window"), "{error}");
            let reason = error.reason.expect("a reason");
            reason.check().unwrap_or_else(|problem| panic!("{problem}"));
        }
    }
}

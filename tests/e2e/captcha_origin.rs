//! The captcha window in the real app: it shows the app's own captcha page, loaded by the app
//! under the registered hostname (the sandbox's practice one, desktop.cardcoins.invalid), not a
//! page fetched from anywhere, with the sandbox's practice reCAPTCHA standing in for Google's.
//! Ticking the box hands the token to the app, and the sandbox accepts it only because it was
//! solved on that hostname with the registered site key.
//!
//! The practice page runs over http: WebKitGTK blocks an https page's requests to the sandbox's
//! plain-http loopback server as mixed content. With Google's reCAPTCHA the same page, loaded the
//! same way, runs as https://<registered hostname>/: the production tests below run the app
//! without --sandbox, against a sandbox standing in for CardCoins' API, with the site key and
//! hostname given as a publisher would, and Google out of reach (only loopback is).

#![cfg(target_os = "linux")]

use std::time::Duration;

use cardcoins_e2e::journey::{
    enter_captcha_window, practice_service_origin, scratch_dir, Journey, PHONE, PRACTICE_CHECKBOX,
};
use cardcoins_e2e::socks_proxy::SocksProxy;
use cardcoins_e2e::{AppSession, AppSessionOptions};
use cardcoins_sandbox::{Sandbox, SandboxConfig, SandboxHandle};
use fantoccini::Locator;
use serde_json::{json, Value};

const REGISTERED_ORIGIN: &str = "http://desktop.cardcoins.invalid";

/// What the captcha page knows about itself, read inside the window.
const PAGE_FACTS: &str = r#"
const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
const config = document.getElementById('captcha-config');
return {
    origin: window.location.origin,
    href: window.location.href,
    page: document.documentElement.dataset.page || null,
    title: document.title,
    csp: csp ? csp.content : null,
    siteKey: config ? JSON.parse(config.textContent).siteKey : null,
    grecaptcha: typeof window.grecaptcha,
    widgets: document.querySelectorAll('#captcha .practice-recaptcha').length,
};
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_captcha_page_runs_under_the_registered_origin_and_its_token_is_taken() {
    let session = AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "captcha-origin").expect("journey");
    journey.amount("20.00").await.expect("amount step");
    session
        .type_into("phone-input", PHONE)
        .await
        .expect("phone");
    session.click("send-code").await.expect("send code");

    let client = &session.client;
    let main = enter_captcha_window(client)
        .await
        .expect("the captcha window showed the practice checkbox");
    let facts = client.execute(PAGE_FACTS, vec![]).await.expect("facts");
    eprintln!("captcha page: {facts}");
    assert_eq!(facts["origin"], REGISTERED_ORIGIN);
    assert_eq!(facts["href"], format!("{REGISTERED_ORIGIN}/"));
    assert_eq!(facts["page"], "cardcoins-captcha", "not the app's page");
    assert_eq!(facts["title"], "CardCoins: are you a person?");
    assert_eq!(facts["siteKey"], "cardcoins-sandbox-practice-site-key");
    assert_eq!(facts["grecaptcha"], "object");
    assert_eq!(facts["widgets"], 1);

    let sandbox = practice_service_origin(client).await.expect("script");
    assert!(sandbox.starts_with("http://127.0.0.1:"), "{sandbox}");
    let csp = facts["csp"].as_str().expect("a CSP").to_string();
    assert!(
        csp.starts_with("default-src 'none'; script-src 'sha256-"),
        "{csp}"
    );
    assert!(
        csp.contains(&format!(" {sandbox}/sandbox/recaptcha/; frame-src {sandbox}/sandbox/recaptcha/; connect-src {sandbox}/sandbox/recaptcha/;")),
        "{csp}"
    );
    assert!(!csp.contains("google"), "{csp}");

    // The CSP holds: the page cannot load a script from elsewhere on the sandbox.
    let blocked = client
        .execute_async(
            r#"
const done = arguments[arguments.length - 1];
const script = document.createElement('script');
script.src = arguments[0] + '/sandbox/captcha?as=script';
script.onload = () => done('loaded');
script.onerror = () => done('refused');
document.head.appendChild(script);
"#,
            vec![Value::String(sandbox.clone())],
        )
        .await
        .expect("attempt ran");
    assert_eq!(blocked, "refused");

    journey.shot("captcha-page").await.expect("screenshot");
    client
        .find(Locator::Css(PRACTICE_CHECKBOX))
        .await
        .expect("checkbox")
        .click()
        .await
        .expect("tick");
    client.switch_to_window(main).await.expect("back to main");
    session
        .find_test_id("code-sent")
        .await
        .expect("the sandbox accepted the token and sent a code");
    let windows = client.windows().await.expect("windows");
    assert_eq!(windows.len(), 1, "the captcha window stayed open");
    journey.shot("code-sent").await.expect("screenshot");
    session.close().await.expect("close session");
}

/// The app in production mode: a sandbox plays CardCoins' API (a loopback address is allowed
/// there), the settings may name a proxy, and the captcha values come from the environment as a
/// build's would.
struct Production {
    api: SandboxHandle,
    options: AppSessionOptions,
}

async fn production_app(
    name: &str,
    site_key: &str,
    hostname: &str,
    proxy: Option<&str>,
) -> Production {
    let api = Sandbox::start(SandboxConfig::default())
        .await
        .expect("the API stand-in");
    let config = scratch_dir(&format!("{name}-config"));
    let data = scratch_dir(&format!("{name}-data"));
    let folder = config.join("co.cardcoins.desktop");
    std::fs::create_dir_all(&folder).expect("config folder");
    let settings = json!({
        "baseUrl": api.api_base_url().as_str(),
        "sandbox": false,
        "proxy": proxy,
        "notifications": false,
    });
    std::fs::write(folder.join("settings.json"), settings.to_string()).expect("settings");
    let options = AppSessionOptions {
        args: Vec::new(),
        env: vec![
            ("XDG_CONFIG_HOME".into(), config.display().to_string()),
            ("XDG_DATA_HOME".into(), data.display().to_string()),
            ("CARDCOINS_RECAPTCHA_SITE_KEY".into(), site_key.into()),
            ("CARDCOINS_CAPTCHA_HOSTNAME".into(), hostname.into()),
        ],
    };
    Production { api, options }
}

/// Switches to the captcha window once it shows the page's "Try again" (Google cannot be
/// reached here); returns the main window's handle.
async fn enter_unreachable_captcha(client: &fantoccini::Client) -> fantoccini::wd::WindowHandle {
    let main = client.window().await.expect("main window");
    let mut captcha = None;
    for _ in 0..150 {
        captcha = client
            .windows()
            .await
            .expect("windows")
            .into_iter()
            .find(|handle| *handle != main);
        if captcha.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    client
        .switch_to_window(captcha.expect("the captcha window opened"))
        .await
        .expect("switched");
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("#retry:not([hidden])"))
        .await
        .expect("the page offered Try again");
    main
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_production_page_runs_as_https_through_the_proxy_and_hands_over_a_token() {
    let proxy = SocksProxy::start().await.expect("proxy");
    let production = production_app(
        "captcha-production",
        "6LeIxAcTAAAAAJcZVRqyHh4xEkXnAz6-_j3bnmsF",
        "desktop.cardcoins.invalid",
        Some(&proxy.url()),
    )
    .await;
    // The stand-in API checks tokens against its own registered values: the ones given above.
    assert_eq!(
        production.api.captcha_hostname(),
        "desktop.cardcoins.invalid"
    );
    let session = AppSession::start(production.options.clone())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "captcha-production").expect("journey");
    journey
        .amount("20.00")
        .await
        .expect("amount step, through the proxy");
    session
        .type_into("phone-input", PHONE)
        .await
        .expect("phone");
    session.click("send-code").await.expect("send code");

    let client = &session.client;
    let main = enter_unreachable_captcha(client).await;
    let facts = client
        .execute(
            r#"
const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
const script = document.getElementById('recaptcha-script');
return {
    origin: window.location.origin,
    secure: window.isSecureContext,
    page: document.documentElement.dataset.page || null,
    csp: csp ? csp.content : null,
    script: script ? script.src : null,
    status: document.getElementById('status').textContent,
};
"#,
            vec![],
        )
        .await
        .expect("facts");
    eprintln!("production captcha page: {facts}");
    assert_eq!(facts["origin"], "https://desktop.cardcoins.invalid");
    assert_eq!(facts["secure"], Value::Bool(true));
    assert_eq!(facts["page"], "cardcoins-captcha");
    assert_eq!(
        facts["script"],
        "https://www.google.com/recaptcha/api.js?onload=cardcoinsCaptchaReady&render=explicit"
    );
    let csp = facts["csp"].as_str().expect("a CSP");
    let google = "https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/ https://recaptcha.google.com/recaptcha/";
    for directive in ["frame-src", "connect-src"] {
        assert!(csp.contains(&format!("{directive} {google};")), "{csp}");
    }
    assert!(csp.contains(&format!("' {google}; frame-src")), "{csp}");
    assert!(!csp.contains("127.0.0.1"), "{csp}");
    let status = facts["status"].as_str().unwrap_or_default();
    assert!(
        status.contains("Could not reach the captcha service") && status.contains("proxy"),
        "{status}"
    );
    // Google's script was asked of the proxy by name: the window used the proxy from Settings and
    // left the name to it, as Tor needs; nothing went out directly.
    let asked = proxy.asked();
    assert!(
        asked.iter().any(|target| target == "www.google.com:443"),
        "the proxy saw {asked:?}"
    );
    journey
        .shot("production-captcha")
        .await
        .expect("screenshot");

    // Google's callback would end the page the way this does: at the sentinel on its origin.
    let token = production.api.issue_captcha_token();
    client
        .execute(
            "window.location.href = new URL('/captcha/done?token=' + encodeURIComponent(arguments[0]), window.location.origin).href; return true;",
            vec![Value::String(token)],
        )
        .await
        .expect("navigated");
    client.switch_to_window(main).await.expect("back to main");
    session
        .find_test_id("code-sent")
        .await
        .expect("the token was taken and the code sent");
    assert_eq!(production.api.outbox(Some("+16502530000")).len(), 1);
    assert_eq!(client.windows().await.expect("windows").len(), 1);
    session.close().await.expect("close session");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_build_without_a_site_key_says_so_on_the_phone_step_and_opens_nothing() {
    let production = production_app("captcha-not-set-up", "", "", None).await;
    let session = AppSession::start(production.options.clone())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "captcha-not-set-up").expect("journey");
    journey.amount("20.00").await.expect("amount step");
    session
        .wait_for_text("captcha-not-set-up", "cannot be sent from this copy", 15)
        .await
        .expect("the phone step explains itself in plain words");
    // The build variables are for whoever built the app: folded away until asked for.
    session
        .click("captcha-details")
        .await
        .expect("details opened");
    let note = session
        .wait_for_text("captcha-not-set-up", "CARDCOINS_RECAPTCHA_SITE_KEY", 15)
        .await
        .expect("the details name what the build lacks");
    assert!(note.contains("not set up in this build"), "{note}");
    assert!(note.contains("CARDCOINS_CAPTCHA_HOSTNAME"), "{note}");
    session
        .type_into("phone-input", PHONE)
        .await
        .expect("phone");
    let send = session.find_test_id("send-code").await.expect("send");
    assert!(
        !send.is_enabled().await.expect("enabled?"),
        "Send code is usable"
    );
    journey.shot("phone-not-set-up").await.expect("screenshot");
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(session.client.windows().await.expect("windows").len(), 1);
    assert!(production.api.outbox(None).is_empty());
    session.close().await.expect("close session");
}

//! What a page in the app's windows can reach, tried from inside the real windows: the captcha
//! window (a page from elsewhere) can call no command at all, and the main window's CSP stops
//! scripts, frames and requests from any other origin.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{enter_captcha_window, practice_service_origin, Journey, PHONE};
use cardcoins_e2e::{AppSession, AppSessionOptions};
use serde_json::Value;

/// Every way a page could reach the app's commands: Tauri's own invoke (if it was injected at
/// all) and the IPC endpoints it uses underneath.
const TRY_TO_INVOKE: &str = r#"
const done = arguments[arguments.length - 1];
const tries = {};
const settle = (name, promise) => promise.then(
    (value) => { tries[name] = 'answered: ' + JSON.stringify(value).slice(0, 200); },
    (error) => { tries[name] = 'refused: ' + String(error && (error.message || error)).slice(0, 200); });
const internals = window.__TAURI_INTERNALS__;
const jobs = [];
if (internals && typeof internals.invoke === 'function') {
    for (const command of ['app_info', 'list_orders', 'get_settings']) {
        jobs.push(settle('invoke ' + command, internals.invoke(command, {})));
    }
} else {
    tries['invoke'] = 'absent';
}
for (const url of ['ipc://localhost/app_info', 'http://ipc.localhost/app_info']) {
    jobs.push(settle('fetch ' + url, fetch(url, {
        method: 'POST', body: '{}',
        headers: { 'Content-Type': 'application/json', 'Tauri-Callback': '1', 'Tauri-Error': '2' },
    }).then((response) => response.text().then((text) => response.status + ' ' + text))));
}
Promise.race([Promise.all(jobs), new Promise((resolve) => setTimeout(resolve, 5000))])
    .then(() => done(tries));
"#;

/// Loads a script, a frame and a request from `arguments[0]` (another origin) and reports
/// what ran and which CSP directives refused what.
const TRY_REMOTE_CONTENT: &str = r#"
const origin = arguments[0];
const done = arguments[arguments.length - 1];
const report = { violations: [], scriptRan: false, fetch: 'pending' };
document.addEventListener('securitypolicyviolation', (event) => {
    report.violations.push(event.effectiveDirective + ' ' + event.blockedURI);
});
window.__remoteScriptRan = () => { report.scriptRan = true; };
const script = document.createElement('script');
script.src = origin + '/sandbox/captcha?as=script';
document.head.appendChild(script);
const frame = document.createElement('iframe');
frame.src = origin + '/sandbox/captcha';
document.body.appendChild(frame);
fetch(origin + '/v2/tickers').then(
    (response) => { report.fetch = 'answered ' + response.status; },
    (error) => { report.fetch = 'refused ' + String(error); });
setTimeout(() => { frame.remove(); script.remove(); done(report); }, 2500);
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn captcha_window_cannot_invoke_and_main_window_loads_nothing_remote() {
    let session = AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "tauri-surface").expect("journey");
    journey.amount("20.00").await.expect("amount step");
    session
        .type_into("phone-input", PHONE)
        .await
        .expect("phone");
    session.click("send-code").await.expect("send code");

    let client = &session.client;
    let main = enter_captcha_window(client)
        .await
        .expect("the captcha window opened and loaded");
    let origin = practice_service_origin(client)
        .await
        .expect("the sandbox's origin");
    assert!(origin.starts_with("http://127.0.0.1:"), "{origin}");

    let tries = client
        .execute_async(TRY_TO_INVOKE, vec![])
        .await
        .expect("the attempts ran");
    eprintln!("captcha window IPC attempts: {tries}");
    let tries = tries.as_object().expect("a report").clone();
    assert!(!tries.is_empty());
    for (how, outcome) in &tries {
        let outcome = outcome.as_str().unwrap_or_default();
        if how.starts_with("invoke") {
            assert!(
                outcome == "absent" || outcome.starts_with("refused"),
                "{how}: {outcome}"
            );
        }
        assert!(
            !outcome.starts_with("answered") || !outcome.contains("version"),
            "the captcha window reached a command by {how}: {outcome}"
        );
        assert!(
            !outcome.contains("\"handle\"") && !outcome.contains("baseUrl"),
            "the captcha window read app data by {how}: {outcome}"
        );
    }

    client.switch_to_window(main).await.expect("back to main");
    let report = client
        .execute_async(TRY_REMOTE_CONTENT, vec![Value::String(origin.clone())])
        .await
        .expect("the attempts ran");
    eprintln!("main window remote content: {report}");
    assert_eq!(report["scriptRan"], Value::Bool(false));
    let violations: Vec<String> = report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    for directive in ["script-src", "frame-src", "connect-src"] {
        assert!(
            violations.iter().any(|v| v.starts_with(directive)),
            "{directive} did not refuse anything: {violations:?}"
        );
    }
    assert!(
        report["fetch"]
            .as_str()
            .is_some_and(|f| f.starts_with("refused")),
        "{report}"
    );
    journey.shot("after-attempts").await.expect("screenshot");
    session.close().await.expect("close session");
}

//! What makes it a desktop app and not a web page: a second launch hands over to the window
//! already open, and the window comes back at the size and place it was left, even after the
//! app was killed.

#![cfg(target_os = "linux")]

use std::process::Command;
use std::time::{Duration, Instant};

use cardcoins_e2e::crash::{app_pids_on, kill_app};
use cardcoins_e2e::journey::scratch_dir;
use cardcoins_e2e::{AppSession, AppSessionOptions};

/// Each test keeps its window state (in the config folder) to itself, so a size set here
/// does not carry into the other journeys.
fn sandbox_app(name: &str) -> AppSessionOptions {
    let config = scratch_dir(&format!("{name}-config"));
    AppSessionOptions {
        args: vec!["--sandbox".into()],
        env: vec![("XDG_CONFIG_HOME".into(), config.display().to_string())],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_launch_hands_over_to_the_open_window() {
    let options = sandbox_app("single-instance");
    let session = AppSession::start(options.clone())
        .await
        .expect("app session");
    session.find_test_id("welcome").await.expect("first window");
    let first = app_pids_on(session.display_name());
    assert_eq!(first.len(), 1, "{first:?}");

    // A double-click on the launcher again: same user, same display, same session bus.
    let mut second = Command::new(cardcoins_e2e::app_binary())
        .arg("--sandbox")
        .env("DISPLAY", session.display_name())
        .envs(options.env.iter().map(|(k, v)| (k, v)))
        .spawn()
        .expect("second launch");
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = second.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = second.kill();
            panic!("the second launch kept running beside the first");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "the second launch ends quietly: {status}");
    assert_eq!(
        app_pids_on(session.display_name()),
        first,
        "one app, the first"
    );
    // The first window is still there and answers.
    session
        .click("start")
        .await
        .expect("the first window still works");
    session
        .find_test_id("step-amount")
        .await
        .expect("amount step");
    session.close().await.expect("close");
}

/// Waits until the window-state file in this test's config folder holds the main window at
/// `width` x `height`.
async fn wait_for_saved_size(options: &AppSessionOptions, width: u32, height: u32) {
    let config = options
        .env
        .iter()
        .find(|(key, _)| key == "XDG_CONFIG_HOME")
        .map(|(_, value)| std::path::PathBuf::from(value))
        .expect("the test's config folder");
    let file = config
        .join("co.cardcoins.desktop")
        .join(".window-state.json");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let saved = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok());
        if saved.as_ref().is_some_and(|state| {
            state["main"]["width"] == width && state["main"]["height"] == height
        }) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the window's size never reached {}: {saved:?}",
            file.display()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_window_comes_back_at_its_size_and_place() {
    let options = sandbox_app("window-state");
    let session = AppSession::start(options.clone())
        .await
        .expect("app session");
    session.find_test_id("welcome").await.expect("window");
    let (x, y, width, height) = (60u32, 40u32, 880u32, 640u32);
    session
        .client
        .set_window_rect(x, y, width, height)
        .await
        .expect("resize and move");
    let placed = session.client.get_window_rect().await.expect("rect");
    assert_eq!((placed.2, placed.3), (u64::from(width), u64::from(height)));
    // Then the app dies without warning, once the place is on disk (written as the window
    // settles, not at exit).
    wait_for_saved_size(&options, width, height).await;
    kill_app(&session).expect("killed");
    drop(session);

    let again = AppSession::start(options).await.expect("app starts again");
    again.find_test_id("welcome").await.expect("window");
    let (bx, by, bw, bh) = again.client.get_window_rect().await.expect("rect");
    assert_eq!(
        (bw, bh),
        (u64::from(width), u64::from(height)),
        "the size is remembered"
    );
    assert!(
        bx.abs_diff(u64::from(x)) <= 2 && by.abs_diff(u64::from(y)) <= 2,
        "the place is remembered: ({bx}, {by})"
    );
    again.close().await.expect("close");
}

/// Whether the page fits the window's width: no sideways scrolling, every button in view.
const FITS: &str = r#"
const width = document.documentElement.clientWidth;
const overflow = document.documentElement.scrollWidth - width;
const cut = [...document.querySelectorAll('button, input, select')]
    .filter((el) => el.offsetParent !== null)
    .filter((el) => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > width + 1; })
    .map((el) => el.dataset.testid || el.id || el.tagName);
return { width, overflow, cut };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_layout_fits_from_800x600_to_the_whole_screen() {
    let session = AppSession::start(sandbox_app("layout"))
        .await
        .expect("app session");
    let mut book = cardcoins_e2e::ScreenshotBook::new("layout").expect("screenshots");
    session.find_test_id("welcome").await.expect("window");
    // The smallest size the window allows, and the whole (virtual) screen.
    for (width, height) in [(800u32, 600u32), (1280, 800)] {
        session
            .client
            .set_window_rect(0, 0, width, height)
            .await
            .expect("resize");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let inner = session
                .client
                .execute("return window.innerWidth;", vec![])
                .await
                .expect("width");
            if inner.as_u64() == Some(u64::from(width)) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the page never got {width} wide: {inner}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        for screen in ["welcome", "step-amount", "step-phone"] {
            match screen {
                "step-amount" => {
                    session.click("start").await.expect("start");
                    session
                        .type_into("amount-input", "55")
                        .await
                        .expect("amount");
                    session
                        .wait_for_text("quote-sats", "sats", 15)
                        .await
                        .expect("quote");
                }
                "step-phone" => {
                    session.click("continue").await.expect("continue");
                }
                _ => {}
            }
            session.find_test_id(screen).await.expect("screen");
            let fit = session
                .client
                .execute(FITS, vec![])
                .await
                .expect("measured");
            assert_eq!(fit["overflow"], 0, "{screen} at {width}x{height}: {fit}");
            assert_eq!(
                fit["cut"],
                serde_json::json!([]),
                "{screen} at {width}x{height}: {fit}"
            );
            book.take(&session, &format!("{screen}-{width}x{height}"))
                .await
                .expect("screenshot");
        }
        // Back to the start for the next size: the order is in history, nothing is lost.
        session.click("open-history").await.expect("history");
        session.find_test_id("history").await.expect("history");
        session
            .client
            .execute("location.reload()", vec![])
            .await
            .expect("reload");
    }
    session.close().await.expect("close");
}

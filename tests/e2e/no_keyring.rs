//! A Linux desktop with no Secret Service: the app says so, keeps IDs in memory until the
//! person gives an explicit OK, and only then writes them to its data file; after that a
//! restart can resume the order.

#![cfg(target_os = "linux")]

use std::path::Path;

use cardcoins_e2e::journey::scratch_dir;
use cardcoins_e2e::{AppSession, AppSessionOptions, ScreenshotBook};
use fantoccini::Locator;

fn without_keyring(home: &Path) -> AppSessionOptions {
    AppSessionOptions {
        args: vec!["--sandbox".into()],
        env: vec![
            ("HOME".into(), home.display().to_string()),
            (
                "XDG_DATA_HOME".into(),
                home.join(".local/share").display().to_string(),
            ),
            (
                "XDG_CONFIG_HOME".into(),
                home.join(".config").display().to_string(),
            ),
            // No session bus at all: neither keyring nor any other D-Bus service.
            (
                "DBUS_SESSION_BUS_ADDRESS".into(),
                "unix:path=/nonexistent/cardcoins-no-bus".into(),
            ),
        ],
    }
}

fn order_list(home: &Path) -> String {
    std::fs::read_to_string(home.join(".local/share/co.cardcoins.desktop/sandbox/orders.json"))
        .unwrap_or_default()
}

/// Whether any order in the list carries its ID in plain text.
fn ids_in_file(home: &Path) -> bool {
    serde_json::from_str::<serde_json::Value>(&order_list(home))
        .ok()
        .and_then(|list| list["orders"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .any(|order| order["plain_order_id"].is_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ids_go_to_the_file_only_after_the_ok() {
    let home = scratch_dir("no-keyring");
    let mut book = ScreenshotBook::new("no-keyring").expect("screenshots");

    let first = AppSession::start(without_keyring(&home))
        .await
        .expect("the app starts without a keyring");
    let choice = first
        .find_test_id("vault-choice")
        .await
        .expect("the app says the IDs can't be kept safely");
    assert!(choice
        .text()
        .await
        .expect("text")
        .contains("No system keyring"));
    book.take(&first, "choice").await.expect("screenshot");

    // An order made before any choice: its ID is in memory only.
    first.click("start").await.expect("start");
    first
        .type_into("amount-input", "12.34")
        .await
        .expect("amount");
    first
        .wait_for_text("quote-sats", "sats", 15)
        .await
        .expect("quote");
    first.click("continue").await.expect("continue");
    first
        .find_test_id("step-phone")
        .await
        .expect("the order was made");
    assert!(
        order_list(&home).contains("\"handle\""),
        "the order is listed"
    );
    assert!(!ids_in_file(&home), "no ID in the file without the OK");

    first.click("vault-use-file").await.expect("use the file");
    first
        .find_test_id("vault-confirm")
        .await
        .expect("asks to confirm");
    assert!(!ids_in_file(&home), "asking is not an OK");
    book.take(&first, "confirm").await.expect("screenshot");
    first
        .click("vault-use-file-yes")
        .await
        .expect("the explicit OK");
    first
        .wait_for_text("vault-note", "unencrypted", 10)
        .await
        .expect("says where the IDs are now");
    assert!(
        ids_in_file(&home),
        "after the OK the open order's ID is in the file"
    );
    first.close().await.expect("quit");

    let second = AppSession::start(without_keyring(&home))
        .await
        .expect("the app starts again");
    second
        .wait_for_text("vault-note", "unencrypted", 15)
        .await
        .expect("the choice is remembered");
    assert!(!second.is_present("vault-choice").await.expect("query"));
    second.click("open-history").await.expect("history");
    let item = second
        .find_test_id("history-item")
        .await
        .expect("the order is listed");
    assert!(item.text().await.expect("text").contains("12.34"));
    item.find(Locator::Css("[data-testid=\"resume\"]"))
        .await
        .expect("Resume")
        .click()
        .await
        .expect("resume");
    second
        .find_test_id("step-phone")
        .await
        .expect("resumed with the ID from the file");
    book.take(&second, "resumed").await.expect("screenshot");
    second.close().await.expect("close");
}

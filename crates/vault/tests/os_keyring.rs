//! The vault against real credential stores. The keyring tests need a Secret Service: run them
//! with `scripts/with-keyring.sh cargo test -p cardcoins-vault` (a private D-Bus session with an
//! unlocked gnome-keyring; `make test` does this). Outside it they say so and pass without
//! checking. The no-store test runs on Linux only, where it starts this test binary again without
//! a session bus: that removes the Secret Service, while macOS's Keychain and Windows' Credential
//! Manager are always there, so elsewhere there is no way to take the store away.

#[cfg(target_os = "linux")]
use std::path::Path;

use cardcoins_core::{Cents, OrderId};
use cardcoins_vault::{KeyStore, OrderVault};
use time::OffsetDateTime;

fn under_test_keyring() -> bool {
    if std::env::var_os("KEYRING_TEST_HOME").is_some() {
        return true;
    }
    eprintln!("not under scripts/with-keyring.sh: the system keyring is not checked");
    false
}

fn service(test: &str) -> String {
    format!("co.cardcoins.desktop.test.{test}.{}", std::process::id())
}

fn id(text: &str) -> OrderId {
    OrderId::parse(text).expect("test ID")
}

#[test]
fn order_ids_live_in_the_system_keyring() {
    if !under_test_keyring() {
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let service = service("ids");
    let mut vault = OrderVault::open(folder.path(), &service).expect("opens");
    assert_eq!(
        vault.key_store(),
        KeyStore::OsKeyring,
        "{:?}",
        vault.keyring_problem()
    );
    let record = vault
        .add(
            &id("keyringSECRET42"),
            Cents::new(5500),
            OffsetDateTime::now_utc(),
            None,
        )
        .expect("added");
    let file = std::fs::read_to_string(vault.file_path()).expect("file");
    assert!(!file.contains("keyringSECRET42"));

    // What the keyring holds, read the way any other program would.
    let entry = keyring::Entry::new(&service, &record.handle).expect("entry");
    assert_eq!(entry.get_password().expect("stored"), "keyringSECRET42");

    drop(vault);
    let mut vault = OrderVault::open(folder.path(), &service).expect("reopens");
    assert_eq!(
        vault
            .order_id(&record.handle)
            .expect("still there")
            .expose_secret(),
        "keyringSECRET42"
    );
    vault.forget(&record.handle).expect("forgotten");
    assert!(matches!(entry.get_password(), Err(keyring::Error::NoEntry)));
}

#[test]
fn ids_kept_in_the_file_move_into_the_keyring_once_it_works() {
    if !under_test_keyring() {
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("orders.json");
    std::fs::write(
        &path,
        r#"{"schema_version":1,"plain_ids_allowed":true,"orders":[{"handle":"h-1","amount":5500,
        "created_at":"2026-01-01T00:00:00Z","last_status":"created","uploaded":[],"step":"phone",
        "plain_order_id":"movedSECRET7"}]}"#,
    )
    .expect("written");
    let service = service("move");
    let mut vault = OrderVault::open(folder.path(), &service).expect("opens");
    assert_eq!(vault.key_store(), KeyStore::OsKeyring);
    assert_eq!(
        vault.order_id("h-1").expect("moved").expose_secret(),
        "movedSECRET7"
    );
    let file = std::fs::read_to_string(&path).expect("file");
    assert!(!file.contains("movedSECRET7"), "{file}");
    assert!(file.contains("\"plain_ids_allowed\": false"));
    vault.forget("h-1").expect("cleaned up");
}

#[cfg(target_os = "linux")]
#[test]
fn without_a_credential_store_the_vault_says_so_and_keeps_ids_for_this_run() {
    const CHILD: &str = "CARDCOINS_VAULT_NO_STORE_CHILD";
    if std::env::var_os(CHILD).is_some() {
        check_no_store(Path::new(&std::env::var_os(CHILD).unwrap_or_default()));
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let output = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "without_a_credential_store_the_vault_says_so_and_keeps_ids_for_this_run",
            "--nocapture",
        ])
        .env(CHILD, folder.path())
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", folder.path())
        .output()
        .expect("child runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{text}");
    assert!(text.contains("1 passed"), "the child ran the check: {text}");
}

#[cfg(target_os = "linux")]
fn check_no_store(folder: &Path) {
    let mut vault = OrderVault::open(folder, &service("none")).expect("opens without a store");
    assert_eq!(vault.key_store(), KeyStore::SessionOnly);
    let problem = vault.keyring_problem().expect("the reason is given");
    assert!(!problem.is_empty());
    eprintln!("no store: {problem}");
    let record = vault
        .add(
            &id("noStoreSECRET9"),
            Cents::new(100),
            OffsetDateTime::now_utc(),
            None,
        )
        .expect("kept for this run");
    assert_eq!(
        vault
            .order_id(&record.handle)
            .expect("in memory")
            .expose_secret(),
        "noStoreSECRET9"
    );
    let file = std::fs::read_to_string(vault.file_path()).expect("file");
    assert!(
        !file.contains("noStoreSECRET9"),
        "never silently in plain text"
    );
}

#[test]
fn the_wallet_key_lives_in_the_system_keyring() {
    if !under_test_keyring() {
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let service = service("wallet");
    let key = "wpkh([73c5da0a/84'/0'/0']xpub6CatWdiZiodmUeTDp8LT5or8nmbKNcuyvz7WyksVFkKB4RHwCD3XyuvPEbvqAQY3rAPshWcMLoP2fMFMKHPJ4ZeZXYVUhLv1VMrjPC7PW6V/0/*)";
    let mut vault = OrderVault::open(folder.path(), &service).expect("opens");
    assert_eq!(vault.key_store(), KeyStore::OsKeyring);
    vault
        .set_wallet(
            key,
            cardcoins_vault::WalletRecord::new(
                "w".into(),
                "p2wpkh".into(),
                "wpkh([73c5da0a/84'/0'/0'])".into(),
                OffsetDateTime::UNIX_EPOCH,
                20,
            ),
        )
        .expect("set");
    let reopened = OrderVault::open(folder.path(), &service).expect("reopens");
    assert_eq!(reopened.wallet_key().expect("from the keyring"), key);
    for file in ["wallet.json", "orders.json"] {
        let text = std::fs::read_to_string(folder.path().join(file)).unwrap_or_default();
        assert!(!text.contains("xpub6Cat"), "{file} holds no key");
    }
    let mut vault = reopened;
    vault.forget_wallet().expect("forgotten");
    let entry = keyring::Entry::new(&service, "cardcoins-wallet").expect("entry");
    assert!(matches!(entry.get_password(), Err(keyring::Error::NoEntry)));
}

//! With a data folder, orders and uploaded images survive a restart.

mod common;

use cardcoins_sandbox::SandboxConfig;
use common::{fast_config, Harness, ADDRESS, JPEG, PHONE};
use serde_json::json;

#[tokio::test]
async fn orders_and_objects_survive_a_restart() {
    let folder = tempfile::tempdir().expect("temp dir");
    let config = SandboxConfig {
        data_dir: Some(folder.path().to_path_buf()),
        ..fast_config()
    };
    let harness = Harness::with(config.clone()).await;
    let paid = harness
        .authorized_order(5500, PHONE, json!({"address": ADDRESS}))
        .await;
    harness.upload_required_images(&paid).await;
    harness.post(&format!("orders/{paid}/verify"), "").await;
    let approved = harness.decision(&paid).await;
    assert_eq!(approved["status"], "approved");
    let halfway = harness
        .authorized_order(5500, PHONE, json!({"address": ADDRESS}))
        .await;
    harness.upload_image(&halfway, "Image1", JPEG).await;
    harness.sandbox.shutdown().await;

    let objects: Vec<_> = std::fs::read_dir(folder.path().join("objects"))
        .expect("objects folder")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(objects.len(), 3);
    assert!(objects
        .iter()
        .all(|entry| std::fs::read(entry.path()).ok().as_deref() == Some(JPEG)));

    let harness = Harness::with(config).await;
    let again = harness.order(&paid).await;
    assert_eq!(again["status"], "approved");
    assert_eq!(again["payout"], approved["payout"]);
    let halfway_again = harness.order(&halfway).await;
    assert_eq!(halfway_again["status"], "authorized");
    assert_eq!(halfway_again["required_images"][0]["uploaded"], true);
    assert_eq!(halfway_again["required_images"][1]["uploaded"], false);
    // The restarted sandbox carries on with the order.
    harness.upload_image(&halfway, "Image2", JPEG).await;
    harness.post(&format!("orders/{halfway}/verify"), "").await;
    assert_eq!(harness.decision(&halfway).await["status"], "approved");
}

#[tokio::test]
async fn an_unreadable_state_file_is_reported_not_overwritten() {
    let folder = tempfile::tempdir().expect("temp dir");
    std::fs::write(folder.path().join("state.json"), "{ not json").expect("write");
    let result = cardcoins_sandbox::Sandbox::start(SandboxConfig {
        data_dir: Some(folder.path().to_path_buf()),
        ..fast_config()
    })
    .await;
    let error = result.err().expect("refused").to_string();
    assert!(error.contains("state.json"), "{error}");
    assert_eq!(
        std::fs::read_to_string(folder.path().join("state.json"))
            .ok()
            .as_deref(),
        Some("{ not json")
    );
}

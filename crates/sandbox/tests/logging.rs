//! An order ID is a bearer secret: the whole life of an order, logged at TRACE level (ours and
//! every library's), never shows it whole; only the redacted form appears.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::{Harness, ADDRESS, PHONE};
use serde_json::json;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn order_ids_never_reach_the_logs() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let harness = Harness::start().await;
    let order_id = harness
        .authorized_order(5513, PHONE, json!({"address": ADDRESS}))
        .await;
    harness.upload_required_images(&order_id).await;
    harness.post(&format!("orders/{order_id}/verify"), "").await;
    harness.decision(&order_id).await;
    harness.get("orders/NoSuchOrder123").await;
    harness.sandbox.shutdown().await;

    let logs =
        String::from_utf8(captured.0.lock().expect("log buffer").clone()).expect("utf-8 logs");
    assert!(
        !logs.contains(&order_id),
        "the order ID leaked into the logs"
    );
    assert!(
        !logs.contains("NoSuchOrder123"),
        "a requested order ID leaked into the logs"
    );
    let redacted = format!("{}…", &order_id[..3]);
    assert!(
        logs.contains(&redacted),
        "the redacted form should be logged"
    );
}

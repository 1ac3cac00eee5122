//! One reader per order: however many screens and watches ask at once, CardCoins is asked once
//! per interval, and a decision is announced once (one event, one notification).

use std::sync::Arc;

use cardcoins_sandbox::{ManualClock, SandboxConfig};
use tokio::task::JoinSet;

use crate::flow_tests::{order_at_photos, practice_told, upload_photo, write_card_photo};
use crate::order_sync::MIN_READ_INTERVAL;
use crate::shell::RecordingShell;
use crate::{orders, AppState};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_reads_ask_once_and_announce_a_decision_once() {
    let folder = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::starting_now();
    let shell = Arc::new(RecordingShell::default());
    let state = practice_told(folder.path(), None, Some(&clock), Arc::clone(&shell)).await;
    let handle = order_at_photos(&state, state.sandbox().expect("sandbox"), 5500).await;
    let photo = folder.path().join("card.png");
    write_card_photo(&photo);
    let order = orders::get_order(&state, &handle).await.expect("read");
    for image in &order.required_images {
        upload_photo(&state, &handle, image.slot, &photo).await;
    }
    orders::submit_for_verification(&state, &handle)
        .await
        .expect("sent for review");
    state.order_syncs.set_interval(MIN_READ_INTERVAL);
    let order = orders::get_order(&state, &handle).await.expect("read");
    assert_eq!(order.status, "processing");
    let state = Arc::new(state);

    // CardCoins decides, and the last read is now older than the interval.
    clock.advance(SandboxConfig::default().decision_delay);
    state.order_syncs.forget(&handle).await;
    let told_before = shell.told();
    let reads_before = reads(&state);
    burst(&state, &handle).await;
    assert_eq!(
        reads(&state) - reads_before,
        1,
        "thirty readers at once ask CardCoins once"
    );
    let told = shell.told();
    let changes = &told.status_changes[told_before.status_changes.len()..];
    assert_eq!(changes.len(), 1, "one event: {changes:?}");
    assert_eq!(changes[0].status, "approved");
    let notifications = &told.notifications[told_before.notifications.len()..];
    assert_eq!(
        notifications.len(),
        1,
        "one notification: {notifications:?}"
    );
    assert_eq!(notifications[0].0, "CardCoins: Approved");

    // Within the interval, more readers are answered from the last read.
    let reads_before = reads(&state);
    burst(&state, &handle).await;
    assert_eq!(reads(&state), reads_before, "no read within 10 s");
    let order = orders::get_order(&state, &handle).await.expect("read");
    assert_eq!(order.status, "approved");
    assert_eq!(shell.told().status_changes.len(), told.status_changes.len());
}

/// The Status screen's poller, the status watch and the payout watch, ten times each, at once.
async fn burst(state: &Arc<AppState>, handle: &str) {
    let mut readers = JoinSet::new();
    for _ in 0..10 {
        let (screen, shown) = (Arc::clone(state), handle.to_string());
        readers.spawn(async move {
            orders::get_order(&screen, &shown).await.expect("read");
        });
        let watch = Arc::clone(state);
        readers.spawn(async move {
            orders::refresh_open(&watch).await;
        });
        let (payout, paid) = (Arc::clone(state), handle.to_string());
        readers.spawn(async move {
            orders::fetch(&payout, &paid).await.expect("read");
        });
    }
    while let Some(finished) = readers.join_next().await {
        finished.expect("a reader finished");
    }
}

fn reads(state: &AppState) -> u64 {
    state.sandbox().expect("sandbox").order_reads()
}

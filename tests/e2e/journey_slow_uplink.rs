//! Photos over a poor connection, in the real window: the practice store slowed to 0.25 Mbit/s
//! in Settings, the second photo chosen while the first is still going. It waits its turn
//! ("Waiting"), the first reads "Finishing" rather than a false 100%, and both arrive.

#![cfg(target_os = "linux")]

use std::time::{Duration, Instant};

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey, PHONE};
use cardcoins_e2e::{AppSession, AppSessionOptions};
use fantoccini::Locator;

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

/// Polls the slot's status line until it contains `needle`; the last text otherwise.
async fn status_reads(
    session: &AppSession,
    slot: &str,
    needle: &str,
    seconds: u64,
) -> Result<String, String> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(element) = session.find_test_id(&format!("photo-status-{slot}")).await {
            last = element.text().await.unwrap_or_default();
            if last.contains(needle) {
                return Ok(last);
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(last)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_photos_over_a_slow_uplink_go_one_after_the_other() {
    let dir = scratch_dir("slow-uplink");
    let front = card_photo(&dir, "front.jpg").expect("photo");
    let back = card_photo(&dir, "back.jpg").expect("photo");
    let session = AppSession::start(AppSessionOptions::sandbox_with_own_folders("slow-uplink"))
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "slow-uplink").expect("journey");

    session.click("open-settings").await.expect("settings");
    // Practice settings are folded under Advanced, away from a seller's main path.
    session
        .click("settings-advanced-toggle")
        .await
        .expect("advanced opened");
    session
        .find_test_id("settings-uplink")
        .await
        .expect("the practice upload speed");
    session
        .client
        .find(Locator::Css(
            "[data-testid=\"settings-uplink\"] option[value=\"0.25mbit\"]",
        ))
        .await
        .expect("the 0.25 Mbit/s choice")
        .click()
        .await
        .expect("chosen");
    journey.save_settings().await.expect("settings saved");

    journey.amount("55.00").await.expect("amount step");
    journey.phone(PHONE).await.expect("phone step");
    journey
        .payout(ADDRESS, "Bitcoin")
        .await
        .expect("payout step");

    // The back is chosen straight after the front: the front takes about ten seconds to go.
    journey
        .pick_file("Image1", &front)
        .await
        .expect("front picked");
    journey
        .pick_file("Image2", &back)
        .await
        .expect("back picked");
    let waiting = status_reads(&session, "Image2", "Waiting", 30)
        .await
        .expect("the back waits its turn");
    assert!(waiting.contains("one at a time"), "{waiting}");
    // A 300 KB photo fits in the computer's buffers at once: what is left is the network's.
    status_reads(&session, "Image1", "Finishing", 30)
        .await
        .expect("the front's last bytes are on their way, not a false 100%");
    journey
        .shot("photo-waiting-and-finishing")
        .await
        .expect("shot");
    for slot in ["Image1", "Image2"] {
        status_reads(&session, slot, "Uploaded", 90)
            .await
            .unwrap_or_else(|last| panic!("{slot} not uploaded: {last}"));
    }
    session
        .click("photo-details-Image2")
        .await
        .expect("details opened");
    let sent = session
        .find_test_id("photo-size-Image2")
        .await
        .expect("size")
        .text()
        .await
        .expect("text");
    assert!(sent.starts_with("Sent:"), "{sent}");
    journey.shot("photos-slow-uplink").await.expect("shot");
    session.close().await.expect("close");
}

//! Photos over a slow uplink, through the functions the commands call: the order's uploads go
//! one at a time, each fitted to the link measured so far, and each arrives inside its
//! 15-second permission even when the store checks it at the end of the body.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cardcoins_core::{ErrorCode, FlowStep, ImageSlot};
use cardcoins_sandbox::{ExpiryCheck, Uplink};

use crate::flow_tests::{order_at_photos, practice, upload_photo, write_card_photo};
use crate::orders;
use crate::photos::{self, UploadPhase, UploadProgress};

/// A phone's 12 MP photo: smooth light with a little sensor grain, as a JPEG at quality 92.
fn write_phone_photo(path: &Path, seed: u32) {
    let mut state = 0x2545_f491u32 ^ seed;
    let picture = image::RgbImage::from_fn(4032, 3024, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let grain = (state % 12) as u8;
        image::Rgb([
            (x / 24 % 160) as u8 + grain,
            (y / 20 % 160) as u8 + grain,
            90 + grain,
        ])
    });
    let file = std::fs::File::create(path).expect("photo file");
    image::codecs::jpeg::JpegEncoder::new_with_quality(std::io::BufWriter::new(file), 92)
        .encode_image(&picture)
        .expect("photo written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_photos_dropped_together_arrive_one_after_the_other_at_one_megabit() {
    let folder = tempfile::tempdir().expect("temp dir");
    let state = practice(folder.path()).await;
    let sandbox = state.sandbox().expect("sandbox");
    sandbox.set_uplink(Some("1mbit".parse::<Uplink>().expect("rate")));
    // The strictest store: the whole body must be in before the permission runs out.
    sandbox.set_expiry_check(ExpiryCheck::EndOfBody);
    let handle = order_at_photos(&state, sandbox, 5500).await;
    for (slot, seed) in [(ImageSlot::Image1, 1), (ImageSlot::Image2, 2)] {
        let path = folder.path().join(format!("{slot}.jpg"));
        write_phone_photo(&path, seed);
        let prepared = photos::prepare_photo(&state, &handle, slot, path)
            .await
            .expect("prepared");
        assert!(
            prepared.bytes > 1_250_000,
            "too small to need fitting: {prepared:?}"
        );
    }

    let events: Arc<Mutex<Vec<(Instant, UploadProgress)>>> = Arc::default();
    let sink = |events: &Arc<Mutex<Vec<(Instant, UploadProgress)>>>| {
        let events = Arc::clone(events);
        move |progress: UploadProgress| {
            events
                .lock()
                .expect("events")
                .push((Instant::now(), progress));
        }
    };
    let timed = |slot: ImageSlot| {
        let on_progress = sink(&events);
        let state = &state;
        let handle = &handle;
        async move {
            let sent = photos::upload_photo(state, handle, slot, false, on_progress).await;
            (
                sent.unwrap_or_else(|error| panic!("{slot} stored: {error:?}")),
                Instant::now(),
            )
        }
    };
    let ((first, first_done), (second, second_done)) =
        tokio::join!(timed(ImageSlot::Image1), timed(ImageSlot::Image2));

    let events = events.lock().expect("events").clone();
    let first_event = |slot: ImageSlot, phase: UploadPhase| {
        events
            .iter()
            .find(|(_, p)| p.slot == slot && p.phase == phase)
            .map(|(at, _)| *at)
            .unwrap_or_else(|| panic!("{slot}: no {phase:?}"))
    };
    let (earlier, earlier_done, later, later_done) = if first_done <= second_done {
        (&first, first_done, &second, second_done)
    } else {
        (&second, second_done, &first, first_done)
    };
    // The later photo waited, shown as waiting, until the earlier one was stored.
    first_event(later.slot, UploadPhase::Waiting);
    assert!(
        first_event(later.slot, UploadPhase::Preparing) >= earlier_done,
        "the photos were sent at the same time"
    );
    // The earlier was sized for an unmeasured link; the later for the link the earlier measured.
    assert!(
        earlier.bytes <= cardcoins_api::UNMEASURED_BUDGET,
        "{earlier:?}"
    );
    assert!(
        later.bytes > cardcoins_api::UNMEASURED_BUDGET && later.bytes <= 1_250_000,
        "{later:?}"
    );
    for sent in [earlier, later] {
        assert!(sent.width.max(sent.height) >= 1600, "{sent:?}");
    }
    // Each was stored well inside its permission, counted from its first byte.
    for (slot, done) in [(earlier.slot, earlier_done), (later.slot, later_done)] {
        let took = done - first_event(slot, UploadPhase::Sending);
        assert!(took < Duration::from_secs(15), "{slot}: {took:?}");
    }
    let order = orders::get_order(&state, &handle)
        .await
        .expect("order read");
    assert_eq!(order.step, FlowStep::Review, "{order:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_the_measured_link_cannot_carry_in_time_is_refused_first_then_sent_if_asked() {
    let folder = tempfile::tempdir().expect("temp dir");
    let state = practice(folder.path()).await;
    let sandbox = state.sandbox().expect("sandbox");
    sandbox.set_uplink(Some("0.25mbit".parse::<Uplink>().expect("rate")));
    let handle = order_at_photos(&state, sandbox, 5500).await;

    // A smooth photo goes first and measures the link.
    let smooth = folder.path().join("smooth.jpg");
    write_phone_photo(&smooth, 1);
    upload_photo(&state, &handle, ImageSlot::Image1, &smooth).await;
    let budget = state.api().link_budget();
    assert!(budget.measured.is_some(), "{budget:?}");

    // Grain everywhere: even at 1600 px and the lowest quality it is over ten seconds' worth.
    let grainy = folder.path().join("grainy.png");
    write_card_photo(&grainy);
    photos::prepare_photo(&state, &handle, ImageSlot::Image2, grainy)
        .await
        .expect("prepared");
    let refused = photos::upload_photo(&state, &handle, ImageSlot::Image2, false, |_| {})
        .await
        .expect_err("refused before sending");
    assert_eq!(refused.code, ErrorCode::UploadTooSlow, "{}", refused);
    assert!(refused.to_string().contains("kbit/s"), "{}", refused);
    assert!(refused.to_string().contains("try anyway"), "{}", refused);
    let sent = photos::upload_photo(&state, &handle, ImageSlot::Image2, true, |_| {})
        .await
        .expect("sent when asked");
    assert!(sent.bytes > budget.bytes, "{sent:?}");
    assert_eq!(sent.width.max(sent.height), 1600);
}

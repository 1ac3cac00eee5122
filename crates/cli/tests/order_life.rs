//! Takes orders through their whole life with the `cardcoins` binary alone, against
//! `cardcoins sandbox serve` running as a child process.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use image::{ImageBuffer, Rgb};
use serde_json::Value;

use common::{start_sandbox, start_sandbox_in, start_sandbox_with, Sandbox, BIN, PHONE};

// A valid mainnet P2WPKH address (BIP 173's example).
const ADDRESS: &str = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";

impl Sandbox {
    fn order(&self, id: &str) -> Value {
        self.json(&["order", "get", id], Some(id))
    }

    /// Waits until the review is over: the order is final, or its photos were turned down.
    /// Read from what the CLI makes of the order, not from any one server's status words.
    fn wait_for_decision(&self, id: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let order = self.order(id);
            if order["final"] == true || order["photos_rejected"] == true {
                return order;
            }
            assert!(Instant::now() < deadline, "no decision in time: {order}");
            std::thread::sleep(Duration::from_millis(300));
        }
    }

    /// Create (with the phone), verify the phone with a code read from the outbox, submit the
    /// payout address. Returns the order ID.
    fn order_ready_for_photos(&self, amount_cents: &str) -> String {
        let id = self.order_at_payout(amount_cents);
        let secret = Some(id.as_str());
        self.ok(&["-vv", "payment", &id, "--address", ADDRESS], secret);

        let order = self.order(&id);
        assert_eq!(order["status"], "authorized", "{order}");
        assert_eq!(order["next_step"], "photos", "{order}");
        assert_ne!(order["phone_verified"], false, "{order}");
        let slots: Vec<&str> = order["photos"]
            .as_array()
            .map(|images| {
                images
                    .iter()
                    .filter_map(|image| image["slot"].as_str())
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            slots.contains(&"Image1") && slots.contains(&"Image2"),
            "{order}"
        );
        id
    }

    fn upload(&self, id: &str, slot: &str, photo: &Path) {
        let receipt = self.json(
            &["photo", "upload", id, slot, &photo.display().to_string()],
            Some(id),
        );
        assert!(
            receipt["receipt"]["key"]
                .as_str()
                .is_some_and(|key| !key.is_empty()),
            "{receipt}"
        );
    }
}

/// A 2400x1600 photo-like JPEG: a gradient with noise, so it compresses like a real photo.
fn noisy_photo(dir: &Path, name: &str, seed: u64) -> PathBuf {
    // xorshift64: a seeded generator cheap enough for 4 million pixels in a debug build.
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let image = ImageBuffer::from_fn(2400, 1600, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let noise = (state % 81) as i32 - 40;
        let base = [(x / 10) as i32, (y / 7) as i32, ((x + y) / 16) as i32];
        Rgb(base.map(|channel| (channel + noise).clamp(0, 255) as u8))
    });
    let path = dir.join(name);
    image.save(&path).expect("write the test photo");
    path
}

fn approved_with_the_cli_alone(dialect: &str) {
    let sandbox = start_sandbox_in(dialect);
    let photos = tempfile::tempdir().expect("temp dir");
    let front = noisy_photo(photos.path(), "front.jpg", 1);
    let back = noisy_photo(photos.path(), "back.jpg", 2);

    let ticker = sandbox.json(&["ticker"], None);
    assert!(
        ticker["currencies"][0]["price_usd"]
            .as_u64()
            .is_some_and(|price| price > 0),
        "{ticker}"
    );

    let id = sandbox.order_ready_for_photos("5500");
    sandbox.upload(&id, "Image1", &front);
    sandbox.upload(&id, "Image2", &back);
    let order = sandbox.order(&id);
    // Where the server says which photos are up, it says both are.
    assert!(
        order["required_images"]
            .as_array()
            .is_some_and(|images| images.iter().all(|image| image["uploaded"] != false)),
        "{dialect}: {order}"
    );

    sandbox.ok(&["-vv", "verify", &id], Some(&id));
    let order = sandbox.wait_for_decision(&id);
    assert_eq!(order["final"], true, "{dialect}: {order}");
    assert_eq!(order["photos_rejected"], false, "{dialect}: {order}");
    assert_eq!(order["amount"], 5500, "{order}");

    // People get a readable summary without the ID, in the words the app's status screen uses.
    let text = sandbox.ok(&["order", "get", &id], Some(&id));
    assert!(text.contains("next:        Nothing to do"), "{text}");
    assert!(!text.contains(&id), "{text}");
    if dialect == "extended" {
        assert_eq!(
            order["payout"]["destination"]["address"], ADDRESS,
            "{order}"
        );
        assert!(text.contains("status:      approved (Approved)"), "{text}");
        assert!(
            text.contains("meaning:     The card was accepted and the bitcoin is on its way."),
            "{text}"
        );
    }
}

fn rejected_replaced_and_approved(dialect: &str) {
    let sandbox = start_sandbox_in(dialect);
    let photos = tempfile::tempdir().expect("temp dir");
    let front = noisy_photo(photos.path(), "front.jpg", 3);
    let back = noisy_photo(photos.path(), "back.jpg", 4);
    let back_again = noisy_photo(photos.path(), "back-again.jpg", 5);

    // An amount ending in 13 makes the sandbox reject the back of the card once.
    let id = sandbox.order_ready_for_photos("5513");
    sandbox.upload(&id, "Image1", &front);
    sandbox.upload(&id, "Image2", &back);
    sandbox.ok(&["verify", &id], Some(&id));

    let order = sandbox.wait_for_decision(&id);
    assert_eq!(order["photos_rejected"], true, "{dialect}: {order}");
    // Every reason the server gave is in the answer, and in the words a person reads.
    let reasons: Vec<String> = order["feedback"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if dialect != "reference" {
        assert!(!reasons.is_empty(), "{dialect}: {order}");
    }
    let text = sandbox.ok(&["order", "get", &id], Some(&id));
    for reason in &reasons {
        assert!(text.contains(reason.as_str()), "{dialect}: {text}");
    }
    if dialect == "extended" || dialect == "keyed" {
        let image2 = order["photos"]
            .as_array()
            .and_then(|photos| photos.iter().find(|photo| photo["slot"] == "Image2"))
            .cloned()
            .unwrap_or_default();
        assert!(
            image2["feedback"].as_array().is_some_and(|f| !f.is_empty()),
            "{dialect}: the reason is beside Image2: {order}"
        );
    }

    sandbox.upload(&id, "Image2", &back_again);
    sandbox.ok(&["verify", &id], Some(&id));
    let order = sandbox.wait_for_decision(&id);
    assert_eq!(order["final"], true, "{dialect}: {order}");
    assert_eq!(order["photos_rejected"], false, "{dialect}: {order}");
}

#[test]
fn approved_with_the_cli_alone_extended() {
    approved_with_the_cli_alone("extended");
}

#[test]
fn approved_with_the_cli_alone_reference() {
    approved_with_the_cli_alone("reference");
}

#[test]
fn approved_with_the_cli_alone_keyed() {
    approved_with_the_cli_alone("keyed");
}

#[test]
fn approved_with_the_cli_alone_terse() {
    approved_with_the_cli_alone("terse");
}

#[test]
fn rejected_replaced_and_approved_extended() {
    rejected_replaced_and_approved("extended");
}

#[test]
fn rejected_replaced_and_approved_reference() {
    rejected_replaced_and_approved("reference");
}

#[test]
fn rejected_replaced_and_approved_keyed() {
    rejected_replaced_and_approved("keyed");
}

#[test]
fn rejected_replaced_and_approved_terse() {
    rejected_replaced_and_approved("terse");
}

#[test]
fn refused_input_exits_1_and_usage_errors_exit_2() {
    let sandbox = start_sandbox();

    let output = sandbox.run(&["phone", "send", "NoSuchOrder123", "--phone", PHONE], None);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--captcha is missing"), "{stderr}");
    assert!(stderr.contains("cardcoins sandbox captcha"), "{stderr}");
    assert!(stderr.contains("hostname registered"), "{stderr}");
    assert!(!stderr.contains("NoSuchOrder123"), "{stderr}");

    let output = sandbox.run(&["order", "get", "not/an-id"], None);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("order ID"), "{stderr}");

    let output = sandbox.run(&["--json", "order", "get", "NoSuchOrder123"], None);
    assert_eq!(output.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&output.stderr).expect("JSON error");
    assert_eq!(error["error"]["code"], "order_not_found", "{error}");
    assert!(!error.to_string().contains("NoSuchOrder123"), "{error}");

    let output = sandbox.run(&["validate", "phone", "12"], None);
    assert_eq!(output.status.code(), Some(1));
    let output = sandbox.run(&["validate", "destination", ADDRESS], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), ADDRESS);

    let output = sandbox.run(&["order", "create"], None);
    assert_eq!(output.status.code(), Some(2));
    let output = sandbox.run(&["no-such-command"], None);
    assert_eq!(output.status.code(), Some(2));

    let help = sandbox.ok(&["--help"], None);
    assert!(help.contains("Exit codes"), "{help}");
}

#[test]
fn photo_prepare_writes_an_upload_ready_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let source = noisy_photo(folder.path(), "card.jpg", 6);
    let prepared = folder.path().join("ready.jpg");
    let output = Command::new(BIN)
        .args(["--json", "photo", "prepare"])
        .arg(&source)
        .arg(&prepared)
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(summary["format"], "image/jpeg", "{summary}");
    assert_eq!(summary["width"], 2400, "{summary}");
    let written = std::fs::read(&prepared).expect("written");
    assert_eq!(summary["bytes"].as_u64(), Some(written.len() as u64));
    assert!(written.starts_with(&[0xFF, 0xD8, 0xFF]));

    let not_a_photo = folder.path().join("notes.jpg");
    std::fs::write(&not_a_photo, b"just text").expect("write");
    let output = Command::new(BIN)
        .args(["photo", "prepare"])
        .arg(&not_a_photo)
        .arg(folder.path().join("out.jpg"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&output.stderr).trim().is_empty());
}

/// A phone's 12 MP photo: smooth light with a little sensor grain, as a JPEG at quality 92.
fn phone_photo(dir: &Path, name: &str, seed: u32) -> PathBuf {
    let mut state = 0x2545_f491u32 ^ seed;
    let image = ImageBuffer::from_fn(4032, 3024, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let grain = (state % 12) as u8;
        Rgb([
            (x / 24 % 160) as u8 + grain,
            (y / 20 % 160) as u8 + grain,
            90 + grain,
        ])
    });
    let path = dir.join(name);
    let file = std::fs::File::create(&path).expect("photo file");
    image::codecs::jpeg::JpegEncoder::new_with_quality(std::io::BufWriter::new(file), 92)
        .encode_image(&image)
        .expect("photo written");
    path
}

#[test]
fn photos_in_one_command_go_one_at_a_time_each_fitted_to_a_one_megabit_link() {
    // The strictest store: every byte must be in before the 15-second permission runs out.
    let sandbox = start_sandbox_with(
        "extended",
        &["--uplink", "1mbit", "--expiry-check", "end-of-body"],
    );
    let photos = tempfile::tempdir().expect("temp dir");
    let front = phone_photo(photos.path(), "front.jpg", 1);
    let back = phone_photo(photos.path(), "back.jpg", 2);
    let id = sandbox.order_ready_for_photos("5500");
    let sent = sandbox.json(
        &[
            "photo",
            "upload",
            &id,
            "Image1",
            &front.display().to_string(),
            "Image2",
            &back.display().to_string(),
        ],
        Some(&id),
    );
    let bytes: Vec<u64> = sent
        .as_array()
        .map(|photos| {
            photos
                .iter()
                .filter_map(|photo| photo["photo"]["bytes"].as_u64())
                .collect()
        })
        .unwrap_or_default();
    // The first is sized for a link not yet measured; the second for the one the first measured.
    assert_eq!(bytes.len(), 2, "{sent}");
    assert!(bytes[0] <= 300_000, "{sent}");
    assert!(bytes[1] > 300_000 && bytes[1] <= 1_250_000, "{sent}");
    let order = sandbox.order(&id);
    assert_eq!(order["next_step"], "review", "{order}");
}

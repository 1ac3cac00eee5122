//! Photo intake takes whatever file the seller drops in: a renamed HEIC, a half-downloaded JPEG,
//! a PNG whose header claims 100000 x 100000 pixels, or a file made to break decoders. This feeds
//! arbitrary bytes to the same entry point the app uses for a photo in memory
//! (`PhotoIntake::prepare_bytes`) with the real limits (`IntakeOptions::default()`), through every
//! path: JPEG kept as it is or turned losslessly, JPEG decoded by libjpeg-turbo or (CMYK,
//! lossless, arithmetic) by the `image` crate, PNG kept or re-encoded, WebP, HEIC through the
//! system's libheif where it is installed, refused formats.
//!
//! It must never panic (a panic on a worker thread counts: libfuzzer-sys's panic hook aborts at
//! the panic itself, before the intake's own `catch_unwind` could turn it into an error),
//! never allocate past libFuzzer's -malloc_limit_mb / -rss_limit_mb (set by `make fuzz`), and
//! what it accepts must keep the crate's promises: an upload within the byte budget, in the
//! format it says, with a preview.
#![no_main]

use std::sync::LazyLock;

use cardcoins_photos::{IntakeOptions, OutputFormat, PhotoIntake};
use libfuzzer_sys::fuzz_target;

static INTAKE: LazyLock<PhotoIntake> = LazyLock::new(|| PhotoIntake::new(IntakeOptions::default()));

fuzz_target!(|data: &[u8]| {
    match INTAKE.prepare_bytes(data) {
        Ok(photo) => {
            let options = INTAKE.options();
            assert!(photo.bytes.len() as u64 <= options.max_output_bytes);
            match photo.format {
                OutputFormat::Jpeg => assert!(photo.bytes.starts_with(&[0xFF, 0xD8, 0xFF])),
                OutputFormat::Png => assert!(photo.bytes.starts_with(b"\x89PNG\r\n\x1a\n")),
            }
            assert!(photo.width > 0 && photo.height > 0);
            assert!(photo.preview_jpeg.starts_with(&[0xFF, 0xD8, 0xFF]));
            assert!((1..=8).contains(&photo.orientation_applied));
            let _ = photo.summary();
        }
        Err(error) => {
            // What the seller would read.
            let _ = (error.code(), error.to_string());
        }
    }
});

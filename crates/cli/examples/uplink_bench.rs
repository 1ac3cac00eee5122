//! The slow-uplink benchmark (bench/uplink/run.sh): an order's two 12 MP phone photos through
//! the sandbox's image store throttled to 8, 1 and 0.25 Mbit/s, sent the app's way (one at a
//! time, each fitted to the link measured so far and presigned just before it goes) and the
//! anchor's way (a browser form: the phone's original file as it is). For each photo: the
//! seconds from presign to stored, the bytes sent, and what tesseract reads of the card number
//! in what was sent.
//!
//! Loopback only: the sandbox runs in this process.

use std::io::Cursor;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use cardcoins_api::{ApiClient, CodeChannel, ImageUpload, NewOrder, PaymentDetails, RetryPolicy};
use cardcoins_core::{Cents, Destination, ImageSlot, OrderId, PhoneNumber};
use cardcoins_photos::{IntakeOptions, LinkFit, PhotoIntake};
use cardcoins_sandbox::{ExpiryCheck, Sandbox, SandboxConfig, SandboxHandle, Uplink};
use image::{Rgb, RgbImage};

const CARD_NUMBER: &str = "4539 1488 0343 6467";
const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf";
/// The anchor is given this long per photo; past it the row says it did not finish.
const ANCHOR_LIMIT: Duration = Duration::from_secs(120);

struct PhotoRun {
    slot: ImageSlot,
    bytes: u64,
    presign_to_stored: Option<Duration>,
    failure: Option<String>,
    ocr: String,
}

struct Run {
    who: &'static str,
    rate: String,
    expiry: &'static str,
    total: Duration,
    photos: Vec<PhotoRun>,
}

#[tokio::main]
async fn main() {
    let font_bytes = std::fs::read(FONT).unwrap_or_else(|error| {
        eprintln!(
            "uplink_bench: the card number is drawn with {FONT} ({error}); install fonts-dejavu-core"
        );
        std::process::exit(2);
    });
    if Command::new("tesseract").arg("--version").output().is_err() {
        eprintln!("uplink_bench: tesseract is not installed (apt-get install tesseract-ocr)");
        std::process::exit(2);
    }
    let font = FontRef::try_from_slice(&font_bytes).expect("DejaVu Sans Mono Bold is a font");
    let originals = [phone_photo(&font, 1), phone_photo(&font, 2)];
    if let Some(folder) = std::env::var_os("UPLINK_BENCH_KEEP_PHOTOS") {
        for (index, photo) in originals.iter().enumerate() {
            let path = Path::new(&folder).join(format!("phone-{}.jpg", index + 1));
            std::fs::write(&path, photo).expect("photo kept");
        }
    }
    eprintln!(
        "phone photos: 4032 x 3024, {} and {} bytes; tesseract reads the originals as {:?}",
        originals[0].len(),
        originals[1].len(),
        card_number_read(&originals[0])
    );
    let rates: Vec<String> = std::env::args()
        .nth(1)
        .map(|list| list.split(',').map(str::to_string).collect())
        .unwrap_or_else(|| vec!["8mbit".into(), "1mbit".into(), "0.25mbit".into()]);
    let mut runs = Vec::new();
    for rate in rates {
        for (who, expiry) in [
            ("app", ExpiryCheck::AtArrival),
            ("app", ExpiryCheck::EndOfBody),
            ("anchor", ExpiryCheck::AtArrival),
        ] {
            eprintln!("{who} at {rate}, expiry checked {expiry:?}…");
            runs.push(run(who, &rate, expiry, &originals).await);
        }
    }
    print_table(&runs);
}

async fn run(who: &'static str, rate: &str, expiry: ExpiryCheck, originals: &[Vec<u8>; 2]) -> Run {
    let sandbox = Sandbox::start(SandboxConfig {
        uplink: Some(rate.parse::<Uplink>().expect("a rate like 1mbit")),
        expiry_check: expiry,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts");
    let client = ApiClient::builder()
        .base_url(sandbox.api_base_url().as_str())
        .upload_timeout(if who == "anchor" {
            ANCHOR_LIMIT
        } else {
            Duration::from_secs(180)
        })
        .retry_policy(RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        })
        .build()
        .expect("client");
    let order = order_at_photos(&sandbox, &client).await;
    let intake = PhotoIntake::new(IntakeOptions::default());
    let started = Instant::now();
    let mut photos = Vec::new();
    for (slot, original) in [ImageSlot::Image1, ImageSlot::Image2]
        .into_iter()
        .zip(originals)
    {
        let sent = if who == "anchor" {
            original.clone()
        } else {
            let prepared = intake.prepare_bytes(original).expect("prepared");
            match intake
                .fit_for_link(&prepared, client.link_budget().bytes)
                .expect("fitted")
            {
                LinkFit::Fits(photo) | LinkFit::TooBig(photo) => photo.bytes,
            }
        };
        let first_byte: Arc<Mutex<Option<Instant>>> = Arc::default();
        let seen = Arc::clone(&first_byte);
        let upload = ImageUpload::from_bytes("photo.jpg", "image/jpeg", sent.clone());
        let result = client
            .upload_image(
                &order,
                slot,
                &upload,
                Some(Arc::new(move |_, _| {
                    if let Ok(mut first) = seen.lock() {
                        first.get_or_insert_with(Instant::now);
                    }
                })),
            )
            .await;
        let from_presign = first_byte
            .lock()
            .ok()
            .and_then(|first| first.map(|at| at.elapsed()));
        photos.push(PhotoRun {
            slot,
            bytes: sent.len() as u64,
            presign_to_stored: result.as_ref().ok().and(from_presign),
            failure: result.err().map(|error| error.code().to_string()),
            ocr: card_number_read(&sent),
        });
    }
    let total = started.elapsed();
    sandbox.shutdown().await;
    Run {
        who,
        rate: rate.to_string(),
        expiry: match expiry {
            ExpiryCheck::AtArrival => "arrival",
            ExpiryCheck::EndOfBody => "end of body",
        },
        total,
        photos,
    }
}

/// Created, phone verified through the sandbox's outbox, payout submitted: photos next.
async fn order_at_photos(sandbox: &SandboxHandle, client: &ApiClient) -> OrderId {
    let phone = PhoneNumber::parse("+12025550123", "US").expect("phone");
    let destination = Destination::parse("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
        .expect("address")
        .destination;
    let order = client
        .create_order(
            &NewOrder::new(Cents::new(10_000))
                .with_phone(phone.clone())
                .with_destination(destination),
        )
        .await
        .expect("order");
    let token = client.sandbox_captcha_token().await.expect("captcha");
    client
        .send_phone_code(&order, &phone, &token, CodeChannel::Sms)
        .await
        .expect("code sent");
    let code = sandbox
        .outbox(Some(phone.e164()))
        .last()
        .map(|message| message.code.clone())
        .expect("code");
    client
        .submit_phone_code(&order, &phone, &code, None)
        .await
        .expect("verified");
    client
        .submit_payment(&order, &PaymentDetails::default())
        .await
        .expect("payment");
    order
}

/// A phone's 12 MP photo of a light card on a wooden table: grain everywhere (as a sensor
/// gives), the number printed across the card at the size a phone held over it records it.
fn phone_photo(font: &FontRef<'_>, seed: u32) -> Vec<u8> {
    let (width, height) = (4032u32, 3024u32);
    let mut state = 0x9e37_79b9u32 ^ seed;
    let mut grain = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        (state % 24) as i32 - 12
    };
    let card = (600u32, 700u32, 3432u32, 2480u32);
    let mut picture = RgbImage::from_fn(width, height, |x, y| {
        let on_card = x >= card.0 && x < card.2 && y >= card.1 && y < card.3;
        let (r, g, b) = if on_card {
            (214 + (x / 40 % 20) as i32, 218 + (y / 50 % 16) as i32, 226)
        } else {
            let wood = ((x + y / 3) / 9 % 40) as i32;
            (120 + wood, 80 + wood / 2, 50)
        };
        let n = grain();
        let channel = |value: i32| (value + n).clamp(0, 255) as u8;
        Rgb([channel(r), channel(g), channel(b)])
    });
    draw_text(&mut picture, font, CARD_NUMBER, 820.0, 1700.0, 150.0);
    let mut bytes = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92)
        .encode_image(&picture)
        .expect("jpeg");
    bytes.into_inner()
}

fn draw_text(
    picture: &mut RgbImage,
    font: &FontRef<'_>,
    text: &str,
    x: f32,
    baseline: f32,
    size: f32,
) {
    const INK: f32 = 35.0;
    let scale = PxScale::from(size);
    let scaled = font.as_scaled(scale);
    let mut pen = x;
    for character in text.chars() {
        let id = font.glyph_id(character);
        let glyph = id.with_scale_and_position(scale, ab_glyph::point(pen, baseline));
        if let Some(outline) = font.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            outline.draw(|gx, gy, coverage| {
                let px = bounds.min.x as i64 + i64::from(gx);
                let py = bounds.min.y as i64 + i64::from(gy);
                if let (Ok(px), Ok(py)) = (u32::try_from(px), u32::try_from(py)) {
                    if px < picture.width() && py < picture.height() {
                        for channel in picture.get_pixel_mut(px, py).0.iter_mut() {
                            *channel =
                                (f32::from(*channel) * (1.0 - coverage) + INK * coverage) as u8;
                        }
                    }
                }
            });
        }
        pen += scaled.h_advance(id);
    }
}

/// The groups of digits tesseract reads in `jpeg`.
fn card_number_read(jpeg: &[u8]) -> String {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("sent.jpg");
    std::fs::write(&path, jpeg).expect("written");
    ocr(&path)
}

fn ocr(path: &Path) -> String {
    let output = Command::new("tesseract")
        .arg(path)
        .arg("stdout")
        .args(["--psm", "11", "-c", "tessedit_char_whitelist=0123456789"])
        .output();
    match output {
        Ok(output) => String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .filter(|word| word.len() >= 3)
            .collect::<Vec<_>>()
            .join(" "),
        Err(error) => format!("(tesseract failed: {error})"),
    }
}

fn print_table(runs: &[Run]) {
    let expected: String = CARD_NUMBER.split_whitespace().collect();
    println!("| uplink | sent by | expiry checked | both stored after | photo | bytes sent | presign → stored | card number read | legible |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for run in runs {
        let all_stored = run.photos.iter().all(|p| p.presign_to_stored.is_some());
        for photo in &run.photos {
            let stored = match (&photo.presign_to_stored, &photo.failure) {
                (Some(took), _) => format!("{:.1} s", took.as_secs_f64()),
                (None, Some(code)) => format!("failed: {code}"),
                (None, None) => "?".to_string(),
            };
            let read: String = photo.ocr.split_whitespace().collect();
            println!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                run.rate,
                run.who,
                run.expiry,
                if all_stored {
                    format!("{:.1} s", run.total.as_secs_f64())
                } else {
                    "not stored".to_string()
                },
                photo.slot,
                photo.bytes,
                stored,
                if photo.ocr.is_empty() {
                    "(nothing)"
                } else {
                    &photo.ocr
                },
                if read.contains(&expected) {
                    "yes"
                } else {
                    "no"
                },
            );
        }
    }
}

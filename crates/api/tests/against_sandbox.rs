//! Every call and every error, against the real sandbox running in this process.

use std::io::Cursor;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cardcoins_api::{
    ApiClient, ApiError, CodeChannel, ImageUpload, NetworkErrorKind, NewOrder, OrderDetails,
    OrderUpdate, PaymentDetails, PersonName, RefusedRequest, RetryPolicy, SubmittedDestination,
    UploadErrorKind,
};
use cardcoins_core::{Cents, Destination, ImageSlot, OrderId, OrderStatus, PhoneNumber, Sats};
use cardcoins_sandbox::{Fault, Sandbox, SandboxConfig, SandboxHandle};

const ADDRESS: &str = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
const OTHER_ADDRESS: &str = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";

async fn sandbox_with(config: SandboxConfig) -> (SandboxHandle, ApiClient) {
    let handle = Sandbox::start(config).await.expect("sandbox starts");
    let client = ApiClient::builder()
        .base_url(handle.api_base_url().as_str())
        .timeout(Duration::from_secs(10))
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
            // Each test reads its own answers; the block after a 429 is tested on its own.
            max_blocked_pause: Duration::ZERO,
        })
        .build()
        .expect("client");
    (handle, client)
}

async fn sandbox() -> (SandboxHandle, ApiClient) {
    sandbox_with(SandboxConfig {
        decision_delay: Duration::from_millis(200),
        ..SandboxConfig::default()
    })
    .await
}

fn phone(number: &str) -> PhoneNumber {
    PhoneNumber::parse(number, "US").expect("phone")
}

fn destination(text: &str) -> Destination {
    Destination::parse(text).expect("destination").destination
}

/// A real (small) JPEG, as the sandbox checks what arrives.
fn jpeg(shade: u8) -> Vec<u8> {
    let image = image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([shade, (x * 4) as u8, (y * 5) as u8])
    });
    let mut bytes = Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Jpeg)
        .expect("encode");
    bytes.into_inner()
}

fn photo(slot: ImageSlot, shade: u8) -> ImageUpload {
    ImageUpload::from_bytes(
        format!("{}.jpg", slot.as_api_str().to_ascii_lowercase()),
        "image/jpeg",
        jpeg(shade),
    )
}

/// Create with phone and address, verify the phone through the outbox, submit payment.
async fn authorized_order(
    handle: &SandboxHandle,
    client: &ApiClient,
    amount: u64,
    number: &str,
) -> OrderId {
    let phone = phone(number);
    let order = client
        .create_order(
            &NewOrder::new(Cents::new(amount))
                .with_phone(phone.clone())
                .with_destination(destination(ADDRESS)),
        )
        .await
        .expect("created");
    let token = client.sandbox_captcha_token().await.expect("token");
    client
        .send_phone_code(&order, &phone, &token, CodeChannel::Sms)
        .await
        .expect("code sent");
    let code = handle
        .outbox(Some(phone.e164()))
        .last()
        .map(|message| message.code.clone())
        .expect("a code in the outbox");
    client
        .submit_phone_code(&order, &phone, &code, None)
        .await
        .expect("phone verified");
    client
        .submit_payment(&order, &PaymentDetails::default())
        .await
        .expect("payment accepted");
    order
}

async fn upload_card(client: &ApiClient, order: &OrderId, shade: u8) {
    for slot in [ImageSlot::Image1, ImageSlot::Image2] {
        client
            .upload_image(order, slot, &photo(slot, shade), None)
            .await
            .expect("uploaded");
    }
}

async fn wait_for(client: &ApiClient, order: &OrderId, wanted: OrderStatus) -> OrderDetails {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let details = client.get_order(order).await.expect("order");
        if details.status == wanted {
            return details;
        }
        assert!(
            details.status == OrderStatus::Processing && Instant::now() < deadline,
            "waiting for {wanted:?}: {details:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn assert_secret_kept(error: &ApiError, order: &OrderId) {
    let shown = format!("{error} {error:?}");
    assert!(
        !shown.contains(order.expose_secret()),
        "order ID leaked: {shown}"
    );
}

#[tokio::test]
async fn tickers() {
    let (_handle, client) = sandbox().await;
    let tickers = client.get_tickers().await.expect("tickers");
    let bitcoin = tickers.bitcoin().expect("bitcoin");
    assert_eq!(bitcoin.price_usd, Cents::new(6_585_000));
    assert!(bitcoin.enabled);
    assert_eq!(bitcoin.symbol, "BTC");
    assert_eq!(tickers.update_frequency_ms, Some(60_000));
    assert!(tickers.last_updated_at.is_some());
}

#[tokio::test]
async fn an_order_from_creation_to_payout() {
    let (handle, client) = sandbox().await;
    let number = phone("+12025550101");

    let order = client
        .create_order(&NewOrder::new(Cents::new(5500)))
        .await
        .expect("created");
    let details = client.get_order(&order).await.expect("order");
    assert_eq!(details.status, OrderStatus::Created);
    assert_eq!(details.amount, Cents::new(5500));
    assert_eq!(details.sats, Sats::new(83_523));
    assert_eq!(details.price_usd, Cents::new(6_585_000));
    assert_eq!(details.phone_verified, Some(false));
    assert!(details.created_at.is_some());

    client
        .update_order(
            &order,
            &OrderUpdate {
                phone: Some(number.clone()),
                destination: Some(destination(OTHER_ADDRESS)),
            },
        )
        .await
        .expect("updated");
    client
        .update_order(
            &order,
            &OrderUpdate {
                phone: None,
                destination: Some(destination(ADDRESS)),
            },
        )
        .await
        .expect("updated again");
    assert_eq!(
        client.get_order(&order).await.expect("order").destination,
        Some(SubmittedDestination::Address(ADDRESS.into()))
    );

    let token = client.sandbox_captcha_token().await.expect("token");
    let ack = client
        .send_phone_code(&order, &number, &token, CodeChannel::Call)
        .await
        .expect("code sent");
    assert!(!ack.message.is_empty());
    let outbox = client.sandbox_outbox(Some(&number)).await.expect("outbox");
    let message = outbox.last().expect("a message");
    assert_eq!(message.phone, number.e164());
    assert_eq!(message.channel, "call");
    assert!(client
        .sandbox_outbox(Some(&phone("+12025550199")))
        .await
        .expect("outbox")
        .is_empty());

    client
        .submit_phone_code(&order, &number, &message.code, None)
        .await
        .expect("verified");
    // Once the phone is confirmed the order cannot be edited.
    let error = client
        .update_order(
            &order,
            &OrderUpdate {
                phone: None,
                destination: Some(destination(OTHER_ADDRESS)),
            },
        )
        .await
        .expect_err("locked");
    assert!(matches!(error, ApiError::Forbidden { .. }), "{error:?}");
    assert_secret_kept(&error, &order);

    client
        .submit_payment(&order, &PaymentDetails::default())
        .await
        .expect("payment");
    let details = client.get_order(&order).await.expect("order");
    assert_eq!(details.status, OrderStatus::Authorized);
    assert_eq!(details.phone_verified, Some(true));
    let slots: Vec<ImageSlot> = details
        .required_images
        .iter()
        .filter(|image| image.uploaded != Some(true))
        .map(|image| image.slot)
        .collect();
    assert_eq!(slots, vec![ImageSlot::Image1, ImageSlot::Image2]);

    // One photo streamed from disk, with progress.
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("front.jpg");
    std::fs::write(&path, jpeg(10)).expect("write");
    let from_disk = ImageUpload::from_path(&path).await.expect("readable");
    assert_eq!(from_disk.content_type(), "image/jpeg");
    let last_progress = Arc::new(AtomicU64::new(0));
    let seen = Arc::clone(&last_progress);
    let receipt = client
        .upload_image(
            &order,
            ImageSlot::Image1,
            &from_disk,
            Some(Arc::new(move |sent, _total| {
                seen.store(sent, Ordering::SeqCst)
            })),
        )
        .await
        .expect("uploaded");
    assert!(receipt.key.ends_with("_Image1"), "{receipt:?}");
    assert!(receipt.etag.is_some());
    assert_eq!(last_progress.load(Ordering::SeqCst), from_disk.size());

    // Verify before every photo is there: refused, and not repeated.
    let error = client
        .submit_for_verification(&order)
        .await
        .expect_err("Image2 missing");
    assert!(
        matches!(
            error,
            ApiError::Refused {
                request: RefusedRequest::Verify,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.named_image_slots(), vec![ImageSlot::Image2]);

    client
        .upload_image(
            &order,
            ImageSlot::Image2,
            &photo(ImageSlot::Image2, 20),
            None,
        )
        .await
        .expect("uploaded");
    client
        .submit_for_verification(&order)
        .await
        .expect("verify");
    let details = wait_for(&client, &order, OrderStatus::Approved).await;
    let payout = details.payout.expect("payout");
    assert_eq!(payout.sats, Some(Sats::new(83_523)));
    assert_eq!(
        payout.destination,
        Some(SubmittedDestination::Address(ADDRESS.into()))
    );
    assert!(payout.txid.is_some() && payout.sent_at.is_some());
    drop(handle);
}

#[tokio::test]
async fn a_rejection_then_a_new_photo_then_approval() {
    let (handle, client) = sandbox().await;
    let order = authorized_order(&handle, &client, 5513, "+12025550102").await;
    upload_card(&client, &order, 30).await;
    client
        .submit_for_verification(&order)
        .await
        .expect("verify");

    let details = wait_for(&client, &order, OrderStatus::Rejected).await;
    assert_eq!(details.image_feedback.len(), 1, "{details:?}");
    assert_eq!(details.image_feedback[0].slot, ImageSlot::Image2);
    assert!(!details.image_feedback[0].feedback.is_empty());

    client
        .upload_image(
            &order,
            ImageSlot::Image2,
            &photo(ImageSlot::Image2, 40),
            None,
        )
        .await
        .expect("new photo");
    client
        .submit_for_verification(&order)
        .await
        .expect("verify again");
    wait_for(&client, &order, OrderStatus::Approved).await;
}

#[tokio::test]
async fn names_when_the_weekly_volume_asks_for_them() {
    let (handle, client) = sandbox_with(SandboxConfig {
        kyc_name_threshold_cents: 1_000,
        ..SandboxConfig::default()
    })
    .await;
    let number = phone("+12025550103");
    let order = client
        .create_order(
            &NewOrder::new(Cents::new(5500))
                .with_phone(number.clone())
                .with_destination(destination(ADDRESS)),
        )
        .await
        .expect("created");
    let token = client.sandbox_captcha_token().await.expect("token");
    client
        .send_phone_code(&order, &number, &token, CodeChannel::Sms)
        .await
        .expect("sent");
    let code = handle
        .outbox(Some(number.e164()))
        .last()
        .map(|message| message.code.clone())
        .expect("code");

    let error = client
        .submit_phone_code(&order, &number, "000000", None)
        .await;
    if code != "000000" {
        let error = error.expect_err("wrong code");
        assert!(matches!(
            error,
            ApiError::Refused {
                request: RefusedRequest::SubmitCode,
                ..
            }
        ));
    }
    client
        .submit_phone_code(&order, &number, &code, None)
        .await
        .expect("verified");
    assert_eq!(
        client.get_order(&order).await.expect("order").name_required,
        Some(true)
    );

    let error = client
        .submit_payment(&order, &PaymentDetails::default())
        .await
        .expect_err("names needed");
    assert!(
        matches!(
            error,
            ApiError::Refused {
                request: RefusedRequest::Payment,
                ..
            }
        ),
        "{error:?}"
    );
    client
        .submit_payment(
            &order,
            &PaymentDetails {
                destination: None,
                name: Some(PersonName {
                    first: "Satoshi".into(),
                    last: "Nakamoto".into(),
                }),
                captcha_token: None,
            },
        )
        .await
        .expect("payment with names");
    assert_eq!(
        client.get_order(&order).await.expect("order").status,
        OrderStatus::Authorized
    );
}

#[tokio::test]
async fn refusals_from_the_api() {
    let (handle, client) = sandbox().await;

    // 404: an order that does not exist.
    let missing = OrderId::parse("NoSuchOrder123").expect("id");
    let error = client.get_order(&missing).await.expect_err("404");
    assert!(matches!(error, ApiError::NotFound { ref order } if order == "NoS…"));
    assert_secret_kept(&error, &missing);

    // 400: an amount above the largest order.
    let error = client
        .create_order(&NewOrder::new(Cents::new(100_000_000)))
        .await
        .expect_err("too much");
    assert!(matches!(error, ApiError::BadRequest { ref message } if message.contains("largest")));

    // 503 for the maintenance amount, on a POST: not repeated.
    let error = client
        .create_order(&NewOrder::new(Cents::new(5030)))
        .await
        .expect_err("maintenance");
    assert!(matches!(error, ApiError::Maintenance { .. }), "{error:?}");

    // 403: the geolocation check.
    let order = client
        .create_order(&NewOrder::new(Cents::new(5500)))
        .await
        .expect("created");
    let token = client.sandbox_captcha_token().await.expect("token");
    let error = client
        .send_phone_code(&order, &phone("+12025550403"), &token, CodeChannel::Sms)
        .await
        .expect_err("geolocation");
    assert!(
        matches!(error, ApiError::Forbidden { ref message } if message.contains("geolocation"))
    );
    assert_secret_kept(&error, &order);

    // 403: payment before the phone is verified; 403: a photo before payment.
    let error = client
        .submit_payment(&order, &PaymentDetails::default())
        .await
        .expect_err("phone first");
    assert!(matches!(error, ApiError::Forbidden { .. }));
    let error = client
        .presign_image(&order, ImageSlot::Image1, "image1.jpg", 1000)
        .await
        .expect_err("payment first");
    assert!(matches!(error, ApiError::Forbidden { .. }));

    // 400: a captcha token used twice.
    let number = phone("+12025550104");
    client
        .send_phone_code(&order, &number, &token, CodeChannel::Sms)
        .await
        .expect("first use");
    let error = client
        .send_phone_code(&order, &number, &token, CodeChannel::Sms)
        .await
        .expect_err("token already spent");
    assert!(
        matches!(
            error,
            ApiError::Refused {
                request: RefusedRequest::SendCode,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(handle.outbox(Some(number.e164())).len(), 1);
}

#[tokio::test]
async fn upload_refusals_from_the_store() {
    let (handle, client) = sandbox().await;
    let order = authorized_order(&handle, &client, 5500, "+12025550105").await;

    // Larger than the policy's content-length-range: presigned for a small file, sent a big one.
    let presign = client
        .presign_image(&order, ImageSlot::Image1, "image1.jpg", 1000)
        .await
        .expect("presign");
    let mut big = jpeg(1);
    big.resize(5 * 1024 * 1024 + 10, 0);
    let error = client
        .upload_presigned(
            &presign,
            &ImageUpload::from_bytes("image1.jpg", "image/jpeg", big),
            None,
        )
        .await
        .expect_err("too large");
    assert!(
        matches!(
            error,
            ApiError::Upload {
                kind: UploadErrorKind::TooLarge { .. }
            }
        ),
        "{error:?}"
    );

    // A tampered signature.
    let mut tampered = client
        .presign_image(&order, ImageSlot::Image1, "image1.jpg", 1000)
        .await
        .expect("presign");
    for (name, value) in &mut tampered.fields {
        if name.eq_ignore_ascii_case("X-Amz-Signature") {
            *value = "0".repeat(64);
        }
    }
    let error = client
        .upload_presigned(&tampered, &photo(ImageSlot::Image1, 1), None)
        .await
        .expect_err("bad signature");
    assert!(
        matches!(
            error,
            ApiError::Upload {
                kind: UploadErrorKind::Refused { status: 403, .. }
            }
        ),
        "{error:?}"
    );

    // Policies issued already expired: presigned again once, then reported.
    handle.set_fault(Some(Fault::PresignExpired));
    let error = client
        .upload_image(
            &order,
            ImageSlot::Image1,
            &photo(ImageSlot::Image1, 1),
            None,
        )
        .await
        .expect_err("expired");
    assert!(
        matches!(
            error,
            ApiError::Upload {
                kind: UploadErrorKind::PolicyExpired
            }
        ),
        "{error:?}"
    );
    handle.set_fault(None);
    client
        .upload_image(
            &order,
            ImageSlot::Image1,
            &photo(ImageSlot::Image1, 1),
            None,
        )
        .await
        .expect("fine again");
}

#[tokio::test]
async fn injected_faults() {
    let (handle, client) = sandbox().await;
    let order = client
        .create_order(&NewOrder::new(Cents::new(5500)))
        .await
        .expect("created");

    handle.set_fault(Some(Fault::ServerError));
    let error = client.get_order(&order).await.expect_err("500");
    assert!(
        matches!(error, ApiError::Server { status: 500, .. }),
        "{error:?}"
    );
    assert!(error.is_transient());
    assert_secret_kept(&error, &order);

    handle.set_fault(Some(Fault::Maintenance));
    let error = client.get_tickers().await.expect_err("503");
    assert!(matches!(error, ApiError::Maintenance { .. }), "{error:?}");

    handle.set_fault(Some(Fault::RateLimited));
    let error = client.get_order(&order).await.expect_err("429");
    assert_eq!(error.retry_after(), Some(Duration::from_secs(60)));
    assert!(!error.is_transient());

    handle.set_fault(Some(Fault::CutMidResponse));
    let error = client.get_order(&order).await.expect_err("cut");
    assert!(
        matches!(
            error,
            ApiError::Network {
                kind: NetworkErrorKind::Other,
                ..
            }
        ),
        "{error:?}"
    );
    assert_secret_kept(&error, &order);

    handle.set_fault(Some(Fault::Timeout));
    let impatient = ApiClient::builder()
        .base_url(handle.api_base_url().as_str())
        .timeout(Duration::from_millis(300))
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client");
    let error = impatient.get_order(&order).await.expect_err("timeout");
    assert!(
        matches!(
            error,
            ApiError::Network {
                kind: NetworkErrorKind::Timeout,
                ..
            }
        ),
        "{error:?}"
    );
    assert_secret_kept(&error, &order);

    handle.set_fault(None);
    client.get_order(&order).await.expect("healthy again");

    // A stopped server: offline.
    handle.shutdown().await;
    let error = client.get_order(&order).await.expect_err("offline");
    assert!(
        matches!(
            error,
            ApiError::Network {
                kind: NetworkErrorKind::Offline,
                ..
            }
        ),
        "{error:?}"
    );
    assert_secret_kept(&error, &order);
}

/// A photo of some size (about 300 KB), so a cut lands in the middle of it.
fn large_photo(slot: ImageSlot) -> ImageUpload {
    let mut seed = 0x2545_f491_u32;
    let image = image::RgbImage::from_fn(640, 480, |_, _| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let [r, g, b, _] = seed.to_le_bytes();
        image::Rgb([r, g, b])
    });
    let mut bytes = Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Jpeg)
        .expect("encode");
    let bytes = bytes.into_inner();
    assert!(bytes.len() > 100_000, "{} bytes", bytes.len());
    ImageUpload::from_bytes(
        format!("{}.jpg", slot.as_api_str().to_ascii_lowercase()),
        "image/jpeg",
        bytes,
    )
}

#[tokio::test]
async fn upload_faults_and_a_skewed_clock() {
    let (handle, client) = sandbox().await;
    let order = authorized_order(&handle, &client, 5500, "+16502530000").await;
    let photo = large_photo(ImageSlot::Image1);

    // Cut mid-upload: uploads are safe to repeat, so the client tries again (each attempt
    // from byte zero, with a fresh policy), then reports a transient network error.
    handle.set_fault(Some(Fault::CutMidUpload));
    // Progress counts up within an attempt; a count that goes back down is a new attempt.
    let starts = Arc::new(AtomicU64::new(0));
    let last_sent = Arc::new(AtomicU64::new(u64::MAX));
    let (counter, last) = (starts.clone(), last_sent.clone());
    let progress: cardcoins_api::UploadProgress = Arc::new(move |sent, _total| {
        if sent <= last.swap(sent, Ordering::SeqCst) {
            counter.fetch_add(1, Ordering::SeqCst);
        }
    });
    let error = client
        .upload_image(&order, ImageSlot::Image1, &photo, Some(progress))
        .await
        .expect_err("every attempt is cut");
    assert!(
        matches!(error, ApiError::Network { .. }),
        "a cut is a network error: {error:?}"
    );
    assert!(error.is_transient());
    assert_eq!(starts.load(Ordering::SeqCst), 3, "three attempts in all");
    assert_eq!(
        handle.presigns_issued(),
        3,
        "a fresh permission for every attempt"
    );
    assert_secret_kept(&error, &order);
    let details = client.get_order(&order).await.expect("order");
    assert_eq!(details.status, OrderStatus::Authorized);
    assert!(
        details
            .required_images
            .iter()
            .all(|image| image.uploaded == Some(false)),
        "nothing was stored: {details:?}"
    );

    // The store closes the connection early, once: a fresh permission, a second attempt, stored.
    handle.set_fault(Some(Fault::CloseEarly(1)));
    let presigned_before = handle.presigns_issued();
    client
        .upload_image(&order, ImageSlot::Image1, &photo, None)
        .await
        .expect("stored on the second attempt");
    assert_eq!(handle.fault(), None, "the first attempt was cut");
    assert_eq!(handle.presigns_issued() - presigned_before, 2);

    // The API's clock ten minutes behind: every policy is expired on arrival. Presigned
    // again once, then reported as expired, not as a refusal of the photo.
    handle.set_fault(Some(Fault::ClockSkew(-600)));
    let error = client
        .upload_image(&order, ImageSlot::Image1, &photo, None)
        .await
        .expect_err("expired on arrival");
    assert!(
        matches!(
            error,
            ApiError::Upload {
                kind: UploadErrorKind::PolicyExpired
            }
        ),
        "{error:?}"
    );

    // Ten minutes ahead is within what the store tolerates: the upload works.
    handle.set_fault(Some(Fault::ClockSkew(600)));
    client
        .upload_image(&order, ImageSlot::Image1, &photo, None)
        .await
        .expect("a clock ahead by ten minutes still uploads");

    // Slow, but it arrives.
    handle.set_fault(Some(Fault::SlowUpload));
    let slow_start = Instant::now();
    client
        .upload_image(
            &order,
            ImageSlot::Image2,
            &large_photo(ImageSlot::Image2),
            None,
        )
        .await
        .expect("a slow upload completes");
    assert!(
        slow_start.elapsed() >= Duration::from_secs(1),
        "the store really read slowly"
    );

    // The fault cleared, the same order carries on to the end.
    handle.set_fault(None);
    client
        .submit_for_verification(&order)
        .await
        .expect("submitted");
    wait_for(&client, &order, OrderStatus::Approved).await;
}

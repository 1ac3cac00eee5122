//! The commands' logic, end to end against an in-process sandbox: the same functions the
//! commands call, with a real vault in a temporary folder.

use std::path::Path;
use std::sync::{Arc, Mutex};

use cardcoins_core::ErrorCode;
use cardcoins_sandbox::{Clock, Dialect, ManualClock};

use crate::order_views::FlowStep;
use crate::photos::{self, ImageSlot, UploadPhase, UploadProgress};
use crate::shell::RecordingShell;
use crate::state::{AppState, StartOptions};
use crate::{orders, vault};

pub(crate) const PHONE: &str = "+16502530000";
pub(crate) const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

pub(crate) async fn practice(folder: &Path) -> AppState {
    practice_in(folder, None, None).await
}

/// The app practising against a sandbox that answers in `dialect` (the default when `None`), on
/// `clock` (the system's when `None`).
pub(crate) async fn practice_in(
    folder: &Path,
    dialect: Option<Dialect>,
    clock: Option<&ManualClock>,
) -> AppState {
    practice_told(folder, dialect, clock, Arc::new(RecordingShell::default())).await
}

/// [`practice_in`], telling `shell` of every event and notification.
pub(crate) async fn practice_told(
    folder: &Path,
    dialect: Option<Dialect>,
    clock: Option<&ManualClock>,
    shell: Arc<RecordingShell>,
) -> AppState {
    let state = AppState::start(StartOptions {
        data_dir: folder.to_path_buf(),
        config_dir: None,
        sandbox_flag: true,
        persist_sandbox: false,
        keyring_service: format!("co.cardcoins.desktop.test.{}", uuid_like()),
        sandbox_dialect: dialect,
        sandbox_clock: clock.map(Clock::from),
        shell,
    })
    .await
    .expect("the practice state starts");
    // The sandbox's clock moves in these tests: each read must see the move at once.
    state.order_syncs.set_interval(std::time::Duration::ZERO);
    // Under scripts/with-keyring.sh (as in `make test`) the IDs must really go to the keyring.
    if std::env::var_os("KEYRING_TEST_HOME").is_some() {
        assert_eq!(
            state.key_store().await,
            cardcoins_vault::KeyStore::OsKeyring
        );
    }
    state
}

fn uuid_like() -> String {
    format!("{}-{:?}", std::process::id(), std::thread::current().id())
}

/// A new order for `amount_cents` with the phone confirmed with the code from `sandbox`'s
/// outbox: the payout step comes next. Its handle.
pub(crate) async fn order_at_payout(
    state: &AppState,
    sandbox: &cardcoins_sandbox::SandboxHandle,
    amount_cents: u64,
) -> String {
    let handle = orders::create_order(state, amount_cents, None)
        .await
        .expect("order created")
        .handle;
    let token = sandbox.issue_captcha_token();
    orders::send_phone_code(state, &handle, PHONE, false, &token)
        .await
        .expect("code sent");
    let code = sandbox.outbox(Some(PHONE)).pop().expect("a code").code;
    orders::verify_phone_code(state, &handle, PHONE, &code, None)
        .await
        .expect("phone confirmed");
    handle
}

/// [`order_at_payout`], with the payout to [`ADDRESS`] submitted, so photos come next.
pub(crate) async fn order_at_photos(
    state: &AppState,
    sandbox: &cardcoins_sandbox::SandboxHandle,
    amount_cents: u64,
) -> String {
    let handle = order_at_payout(state, sandbox, amount_cents).await;
    orders::submit_payment(state, &handle, ADDRESS, None, None, None)
        .await
        .expect("payout");
    handle
}

/// Prepares `photo` for `slot` and uploads it.
pub(crate) async fn upload_photo(state: &AppState, handle: &str, slot: ImageSlot, photo: &Path) {
    photos::prepare_photo(state, handle, slot, photo.to_path_buf())
        .await
        .unwrap_or_else(|error| panic!("{slot} prepared: {error:?}"));
    photos::upload_photo(state, handle, slot, false, |_| {})
        .await
        .unwrap_or_else(|error| panic!("{slot} uploaded: {error:?}"));
}

/// A photo with detail in it, so it is neither blurry nor flat.
pub(crate) fn write_card_photo(path: &Path) {
    let image = image::RgbImage::from_fn(1600, 1000, |x, y| {
        let v = ((x * 7 + y * 13) % 251) as u8;
        image::Rgb([v, v.wrapping_mul(3), 255 - v])
    });
    image.save(path).expect("test photo written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_goes_from_creation_to_review() {
    let folder = tempfile::tempdir().expect("temp dir");
    let state = practice(folder.path()).await;

    let created = orders::create_order(&state, 5500, None)
        .await
        .expect("order created");
    // In the vault before create returned: on disk, with a working ID behind the handle.
    let on_disk = std::fs::read_to_string(folder.path().join("sandbox").join("orders.json"))
        .expect("order list written");
    assert!(on_disk.contains(&created.handle));
    let id = vault::order_id(&state, &created.handle)
        .await
        .expect("ID kept");
    assert!(
        !on_disk.contains(id.expose_secret()),
        "the ID must not be in the file"
    );
    assert_eq!(created.step, FlowStep::Phone);
    assert_eq!(created.amount_text, "$55.00");

    let order = orders::get_order(&state, &created.handle)
        .await
        .expect("order read");
    assert_eq!(order.status, "created");
    assert_eq!(order.amount_cents, 5500);
    assert_eq!(order.step, FlowStep::Phone);

    let token = state.sandbox().expect("sandbox").issue_captcha_token();
    orders::send_phone_code(&state, &created.handle, PHONE, false, &token)
        .await
        .expect("code sent");
    let wrong = orders::verify_phone_code(&state, &created.handle, PHONE, "000000", None)
        .await
        .expect_err("wrong code refused");
    assert_eq!(wrong.code, ErrorCode::CodeRefused, "{}", wrong);
    let code = orders::sandbox_latest_code(&state, Some(PHONE))
        .await
        .expect("outbox read")
        .expect("a code was sent");
    orders::verify_phone_code(&state, &created.handle, PHONE, &code, None)
        .await
        .expect("phone confirmed");

    let bad = orders::submit_payment(
        &state,
        &created.handle,
        "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",
        None,
        None,
        None,
    )
    .await
    .expect_err("testnet refused");
    assert_eq!(bad.code, ErrorCode::TestnetAddress);
    orders::submit_payment(&state, &created.handle, ADDRESS, None, None, None)
        .await
        .expect("payout accepted");
    let order = orders::get_order(&state, &created.handle)
        .await
        .expect("order read");
    assert_eq!(order.status, "authorized");
    assert_eq!(order.step, FlowStep::Photos);
    assert_eq!(order.destination.as_deref(), Some(ADDRESS));

    let photo = folder.path().join("card.png");
    write_card_photo(&photo);
    for slot in order.required_images.iter().map(|image| image.slot) {
        let prepared = photos::prepare_photo(&state, &created.handle, slot, photo.clone())
            .await
            .expect("photo prepared");
        assert!(prepared
            .preview_data_url
            .starts_with("data:image/jpeg;base64,"));
        let seen: Arc<Mutex<Vec<UploadProgress>>> = Arc::default();
        let sink = seen.clone();
        let sent = photos::upload_photo(&state, &created.handle, slot, false, move |p| {
            sink.lock().expect("progress").push(p)
        })
        .await
        .expect("photo uploaded");
        assert!(sent.bytes <= prepared.bytes);
        let seen = seen.lock().expect("progress");
        let phases: Vec<UploadPhase> = seen.iter().map(|p| p.phase).collect();
        assert_eq!(phases[..2], [UploadPhase::Waiting, UploadPhase::Preparing]);
        // All handed over is "finishing", never "done": only the store's answer says that.
        let last = seen.last().expect("progress reported");
        assert_eq!(
            (last.phase, last.sent, last.total),
            (UploadPhase::Finishing, sent.bytes, sent.bytes)
        );
        assert!(seen.iter().all(|p| p.slot == slot));
    }
    let again = photos::upload_photo(&state, &created.handle, ImageSlot::Image1, false, |_| {})
        .await
        .expect_err("nothing prepared any more");
    assert_eq!(again.code, ErrorCode::PhotoNotPrepared);

    let order = orders::get_order(&state, &created.handle)
        .await
        .expect("order read");
    assert_eq!(order.step, FlowStep::Review);
    assert!(order.required_images.iter().all(|image| image.uploaded));
    orders::submit_for_verification(&state, &created.handle)
        .await
        .expect("submitted for review");
    let order = orders::get_order(&state, &created.handle)
        .await
        .expect("order read");
    assert_eq!(order.status, "processing");
    assert_eq!(order.step, FlowStep::Status);

    let listed = vault::list_orders(&state).await.expect("history");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].status, "processing");
    vault::forget_order(&state, &created.handle)
        .await
        .expect("forgotten");
    assert!(vault::list_orders(&state)
        .await
        .expect("history")
        .is_empty());
    let gone = orders::get_order(&state, &created.handle)
        .await
        .expect_err("forgotten");
    assert_eq!(gone.code, ErrorCode::UnknownOrder);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_a_code_and_words() {
    let folder = tempfile::tempdir().expect("temp dir");
    let state = practice(folder.path()).await;
    let unknown = orders::get_order(&state, "no-such-handle")
        .await
        .expect_err("unknown");
    assert_eq!(unknown.code, ErrorCode::UnknownOrder);
    assert_eq!(
        orders::create_order(&state, 0, None)
            .await
            .expect_err("zero")
            .code,
        ErrorCode::InvalidAmount
    );
    let maintenance = orders::create_order(&state, 5030, None)
        .await
        .expect_err("magic 503");
    assert_eq!(maintenance.code, ErrorCode::Maintenance);

    let created = orders::create_order(&state, 2000, None)
        .await
        .expect("order created");
    let folder_path = folder.path().to_path_buf();
    let as_folder = photos::prepare_photo(&state, &created.handle, ImageSlot::Image1, folder_path)
        .await
        .expect_err("a folder");
    assert_eq!(as_folder.code, ErrorCode::PhotoFolder);
    let text = folder.path().join("notes.txt");
    std::fs::write(&text, "not a photo at all").expect("written");
    let as_text = photos::prepare_photo(&state, &created.handle, ImageSlot::Image1, text)
        .await
        .expect_err("text");
    assert_eq!(as_text.code, ErrorCode::PhotoNotImage, "{}", as_text);
    let missing = photos::prepare_photo(
        &state,
        &created.handle,
        ImageSlot::Image1,
        folder.path().join("gone.jpg"),
    )
    .await
    .expect_err("missing");
    assert_eq!(missing.code, ErrorCode::PhotoUnreadable);

    let no_captcha = orders::send_phone_code(&state, &created.handle, PHONE, false, " ")
        .await
        .expect_err("no token");
    assert_eq!(no_captcha.code, ErrorCode::CaptchaRequired);
    let used = state.sandbox().expect("sandbox").issue_captcha_token();
    orders::send_phone_code(&state, &created.handle, PHONE, true, &used)
        .await
        .expect("first use");
    let reused = orders::send_phone_code(&state, &created.handle, PHONE, false, &used)
        .await
        .expect_err("second use");
    // A spent captcha answer is a refused dispatch; the server's words say why.
    assert_eq!(reused.code, ErrorCode::SendRefused, "{}", reused);
    assert!(reused.server_message.is_some());
    assert!(!reused.to_string().contains(
        &vault::order_id(&state, &created.handle)
            .await
            .expect("id")
            .expose_secret()
            .to_string()
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_order_list_is_reported_once_and_the_rest_kept() {
    let folder = tempfile::tempdir().expect("temp dir");
    let state = practice(folder.path()).await;
    orders::create_order(&state, 1100, None)
        .await
        .expect("first order");
    orders::create_order(&state, 2200, None)
        .await
        .expect("second order");
    let info = crate::app_info::app_info(&state).await;
    assert!(info.vault_damage.is_none());
    drop(state);

    // Torn inside the second entry of the file (written oldest first: the $22 order).
    let list = folder.path().join("sandbox").join("orders.json");
    let full = std::fs::read_to_string(&list).expect("list");
    let second = full.match_indices("\"handle\"").nth(1).expect("two").0;
    std::fs::write(&list, &full[..second + 12]).expect("torn");

    let state = practice(folder.path()).await;
    let info = crate::app_info::app_info(&state).await;
    let damage = info.vault_damage.expect("the damage is reported");
    assert_eq!((damage.kept, damage.unreadable), (1, 1), "{damage:?}");
    let listed = vault::list_orders(&state).await.expect("history");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].amount_text, "$11.00");
    drop(state);

    let state = practice(folder.path()).await;
    assert!(
        crate::app_info::app_info(&state)
            .await
            .vault_damage
            .is_none(),
        "reported once"
    );
}

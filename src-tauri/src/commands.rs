//! The app's commands: each is one call into the engine (`cardcoins-app`) under the same name.
//! Adding one is a function here and a line in `command_list.rs`.

use std::path::PathBuf;

use cardcoins_app::checks::{DestinationView, PhoneView, TickerView};
use cardcoins_app::logging::LogFile;
use cardcoins_app::order_views::{OrderSummary, OrderView, QuoteView};
use cardcoins_app::photos::{ImageSlot, PreparedPhotoView, UploadProgress};
use cardcoins_app::records::ExportFormat;
use cardcoins_app::settings::Settings;
use cardcoins_app::wallet::{FreshAddress, WalletPreview, WalletView};
use cardcoins_app::{
    app_info, checks, explorer, orders, photos, records, settings, support, vault, wallet,
};
use cardcoins_app::{AppError, Startup};
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn app_info(startup: State<'_, Startup>) -> Result<app_info::AppInfo, AppError> {
    Ok(app_info::app_info(startup.ready().await?).await)
}

#[tauri::command]
#[specta::specta]
pub async fn get_tickers(startup: State<'_, Startup>) -> Result<TickerView, AppError> {
    checks::get_tickers(startup.ready().await?).await
}

#[tauri::command]
#[specta::specta]
pub fn quote(amount_text: String, price_usd_cents: u64) -> Result<QuoteView, AppError> {
    checks::quote(&amount_text, price_usd_cents)
}

#[tauri::command]
#[specta::specta]
pub fn check_phone(input: String, region: String) -> Result<PhoneView, AppError> {
    checks::check_phone(&input, &region)
}

#[tauri::command]
#[specta::specta]
pub fn check_destination(input: String) -> Result<DestinationView, AppError> {
    checks::check_destination(&input)
}

#[tauri::command]
#[specta::specta]
pub async fn create_order(
    startup: State<'_, Startup>,
    amount_cents: u64,
    quoted_price_usd_cents: Option<u64>,
) -> Result<OrderSummary, AppError> {
    orders::create_order(startup.ready().await?, amount_cents, quoted_price_usd_cents).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_orders(startup: State<'_, Startup>) -> Result<Vec<OrderSummary>, AppError> {
    vault::list_orders(startup.ready().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_order(startup: State<'_, Startup>, handle: String) -> Result<OrderView, AppError> {
    orders::get_order(startup.ready().await?, &handle).await
}

#[tauri::command]
#[specta::specta]
pub async fn forget_order(startup: State<'_, Startup>, handle: String) -> Result<(), AppError> {
    vault::forget_order(startup.ready().await?, &handle).await
}

#[tauri::command]
#[specta::specta]
pub async fn copy_order_id(startup: State<'_, Startup>, handle: String) -> Result<(), AppError> {
    vault::copy_order_id(startup.ready().await?, &handle).await
}

#[tauri::command]
#[specta::specta]
pub async fn send_phone_code(
    startup: State<'_, Startup>,
    handle: String,
    phone: String,
    call: bool,
    captcha_token: String,
) -> Result<(), AppError> {
    let state = startup.ready().await?;
    orders::send_phone_code(state, &handle, &phone, call, &captcha_token).await
}

#[tauri::command]
#[specta::specta]
pub async fn verify_phone_code(
    startup: State<'_, Startup>,
    handle: String,
    phone: String,
    code: String,
    captcha_token: Option<String>,
) -> Result<(), AppError> {
    let state = startup.ready().await?;
    orders::verify_phone_code(state, &handle, &phone, &code, captcha_token.as_deref()).await
}

#[tauri::command]
#[specta::specta]
pub async fn submit_payment(
    startup: State<'_, Startup>,
    handle: String,
    destination: String,
    first_name: Option<String>,
    last_name: Option<String>,
    captcha_token: Option<String>,
) -> Result<(), AppError> {
    orders::submit_payment(
        startup.ready().await?,
        &handle,
        &destination,
        first_name.as_deref(),
        last_name.as_deref(),
        captcha_token.as_deref(),
    )
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn submit_payment_from_wallet(
    startup: State<'_, Startup>,
    handle: String,
    first_name: Option<String>,
    last_name: Option<String>,
    captcha_token: Option<String>,
) -> Result<(), AppError> {
    wallet::submit_payment_from_wallet(
        startup.ready().await?,
        &handle,
        first_name.as_deref(),
        last_name.as_deref(),
        captcha_token.as_deref(),
    )
    .await
}

#[tauri::command]
#[specta::specta]
pub fn check_wallet(input: String) -> Result<WalletPreview, AppError> {
    wallet::check_wallet(&input)
}

#[tauri::command]
#[specta::specta]
pub async fn set_wallet(
    startup: State<'_, Startup>,
    input: String,
) -> Result<WalletView, AppError> {
    wallet::set_wallet(startup.ready().await?, &input).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_wallet(startup: State<'_, Startup>) -> Result<Option<WalletView>, AppError> {
    wallet::get_wallet(startup.ready().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn forget_wallet(startup: State<'_, Startup>) -> Result<(), AppError> {
    wallet::forget_wallet(startup.ready().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn set_wallet_gap_limit(
    startup: State<'_, Startup>,
    gap_limit: u32,
) -> Result<WalletView, AppError> {
    wallet::set_wallet_gap_limit(startup.ready().await?, gap_limit).await
}

#[tauri::command]
#[specta::specta]
pub async fn fresh_address(
    startup: State<'_, Startup>,
    handle: String,
) -> Result<FreshAddress, AppError> {
    wallet::fresh_address(startup.ready().await?, &handle).await
}

#[tauri::command]
#[specta::specta]
pub async fn pick_photos(startup: State<'_, Startup>) -> Result<Vec<String>, AppError> {
    photos::pick_photos(startup.ready().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn prepare_photo(
    startup: State<'_, Startup>,
    handle: String,
    slot: ImageSlot,
    path: String,
) -> Result<PreparedPhotoView, AppError> {
    photos::prepare_photo(startup.ready().await?, &handle, slot, PathBuf::from(path)).await
}

#[tauri::command]
#[specta::specta]
pub async fn upload_photo(
    startup: State<'_, Startup>,
    handle: String,
    slot: ImageSlot,
    anyway: bool,
    on_progress: Channel<UploadProgress>,
) -> Result<PreparedPhotoView, AppError> {
    // A closed page stops listening; the upload itself goes on.
    let report = move |progress| drop(on_progress.send(progress));
    photos::upload_photo(startup.ready().await?, &handle, slot, anyway, report).await
}

#[tauri::command]
#[specta::specta]
pub async fn submit_for_verification(
    startup: State<'_, Startup>,
    handle: String,
) -> Result<(), AppError> {
    orders::submit_for_verification(startup.ready().await?, &handle).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_settings(startup: State<'_, Startup>) -> Result<Settings, AppError> {
    Ok(settings::get_settings(startup.ready().await?).await)
}

#[tauri::command]
#[specta::specta]
pub async fn save_settings(
    startup: State<'_, Startup>,
    settings: Settings,
) -> Result<(), AppError> {
    settings::save_settings(startup.ready().await?, settings).await
}

#[tauri::command]
#[specta::specta]
pub async fn sandbox_latest_code(
    startup: State<'_, Startup>,
    phone: Option<String>,
) -> Result<Option<String>, AppError> {
    orders::sandbox_latest_code(startup.ready().await?, phone.as_deref()).await
}

#[tauri::command]
#[specta::specta]
pub async fn allow_plain_file_vault(startup: State<'_, Startup>) -> Result<(), AppError> {
    vault::allow_plain_file_vault(startup.ready().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn open_log_folder(
    startup: State<'_, Startup>,
    log: State<'_, LogFile>,
) -> Result<(), AppError> {
    support::open_log_folder(startup.ready().await?, log.folder()).await
}

#[tauri::command]
#[specta::specta]
pub async fn copy_diagnostics(
    startup: State<'_, Startup>,
    log: State<'_, LogFile>,
) -> Result<(), AppError> {
    support::copy_diagnostics(startup.ready().await?, log.folder()).await
}

#[tauri::command]
#[specta::specta]
pub async fn export_orders(
    startup: State<'_, Startup>,
    format: ExportFormat,
    include_order_ids: bool,
) -> Result<Option<String>, AppError> {
    records::export_orders(startup.ready().await?, format, include_order_ids).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_support_bundle(
    startup: State<'_, Startup>,
    log: State<'_, LogFile>,
    handle: Option<String>,
    include_order_ids: bool,
) -> Result<Option<String>, AppError> {
    let state = startup.ready().await?;
    records::save_support_bundle(state, log.folder(), handle.as_deref(), include_order_ids).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_receipt(
    startup: State<'_, Startup>,
    handle: String,
    include_order_id: bool,
) -> Result<Option<String>, AppError> {
    records::save_receipt(startup.ready().await?, &handle, include_order_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn open_in_explorer(startup: State<'_, Startup>, txid: String) -> Result<(), AppError> {
    explorer::open_in_explorer(startup.ready().await?, &txid).await
}

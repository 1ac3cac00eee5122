// The ACL manifest: naming the app's own commands here makes Tauri check every IPC call against
// the capability files, so a window without a capability (the captcha window) can call nothing.
const APP_COMMANDS: &[&str] = &[
    "app_info",
    "get_tickers",
    "quote",
    "check_phone",
    "check_destination",
    "create_order",
    "list_orders",
    "get_order",
    "forget_order",
    "copy_order_id",
    "solve_captcha",
    "send_phone_code",
    "verify_phone_code",
    "submit_payment",
    "pick_photos",
    "prepare_photo",
    "upload_photo",
    "submit_for_verification",
    "get_settings",
    "save_settings",
    "sandbox_latest_code",
    "allow_plain_file_vault",
    "open_log_folder",
    "copy_diagnostics",
    "export_orders",
    "save_support_bundle",
    "save_receipt",
    "open_in_explorer",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(APP_COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}

// The ACL manifest: naming the app's own commands here makes Tauri check every IPC call against
// the capability files, so a window without a capability (the captcha window) can call nothing.
const APP_COMMANDS: &[&str] = &["app_info"];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(APP_COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}

//! The command list, shared by the app (to route IPC calls) and by the TypeScript export that
//! gives the frontend its types and `commands.x()` wrappers (ui/src/lib/bindings.ts).

use specta_typescript::{BigIntExportBehavior, Typescript};
use tauri_specta::{collect_commands, collect_events};

use crate::captcha::*;
use crate::commands::*;
use crate::events::{OrderStatusChanged, PayoutWatchChanged};

macro_rules! command_list {
    { $($name:ident),* $(,)? } => {
        collect_commands![$($name),*]
    };
}

/// Where the generated file lives, from this crate's folder.
pub const BINDINGS_PATH: &str = "../ui/src/lib/bindings.ts";

pub fn builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(include!("command_list.rs"))
        .events(collect_events![OrderStatusChanged, PayoutWatchChanged])
}

/// Every amount is below 2^53, so 64-bit integers are plain numbers in TypeScript.
pub fn typescript() -> Typescript {
    Typescript::default()
        .bigint(BigIntExportBehavior::Number)
        .header("// Generated from the Rust definitions in src-tauri by `cargo test -p cardcoins-desktop bindings` with UPDATE_BINDINGS=1. Do not edit.\n// @ts-nocheck")
}

/// The TypeScript the Rust definitions produce now.
pub fn render() -> Result<String, String> {
    let path = std::env::temp_dir().join(format!("cardcoins-bindings-{}.ts", std::process::id()));
    builder()
        .export(typescript(), &path)
        .map_err(|error| error.to_string())?;
    let text = std::fs::read_to_string(&path).map_err(|error| error.to_string());
    let _ = std::fs::remove_file(&path);
    type_only_window_import(&text?)
}

/// tauri-specta writes `import { type WebviewWindow … }`, which the UI's `verbatimModuleSyntax`
/// keeps as a side-effect import of the window API: that pulls the window chunk into the first
/// screen and, with the UI's chunk split, makes an import cycle in which WebKit never runs the app.
/// `import type` is erased completely.
fn type_only_window_import(text: &str) -> Result<String, String> {
    const WRITTEN: &str = r#"import { type WebviewWindow as __WebviewWindow__ } from "@tauri-apps/api/webviewWindow";"#;
    const WANTED: &str = r#"import type { WebviewWindow as __WebviewWindow__ } from "@tauri-apps/api/webviewWindow";"#;
    if !text.contains(WRITTEN) {
        return Err(format!(
            "tauri-specta no longer writes `{WRITTEN}`: check the window import in the bindings"
        ));
    }
    Ok(text.replace(WRITTEN, WANTED))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// Fails when ui/src/lib/bindings.ts is not what the Rust definitions generate. Regenerate
    /// with: UPDATE_BINDINGS=1 cargo test -p cardcoins-desktop --features cardcoins-desktop/embed bindings
    #[test]
    fn bindings_are_up_to_date() {
        let expected = render().expect("the bindings render");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).expect("bindings written");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "{} differs from what the Rust definitions generate. Regenerate it with:\n  UPDATE_BINDINGS=1 cargo test -p cardcoins-desktop --features cardcoins-desktop/embed bindings\nand commit the result.",
            path.display()
        );
    }
}

//! What the app's configuration opens to a page, read from the files Tauri builds from: one
//! capability, for the main window only, granting the app's own commands and event listening
//! and nothing else; every command covered by the ACL manifest; a CSP with no other origin in it.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The commands the frontend can call, from the generated (and drift-checked) bindings.
fn commands_in_bindings() -> BTreeSet<String> {
    let bindings = read(&manifest_dir().join("../ui/src/lib/bindings.ts"));
    bindings
        .split("TAURI_INVOKE(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// The commands in the one list build.rs makes the ACL manifest from.
fn commands_in_acl_manifest() -> BTreeSet<String> {
    let list_file = read(&manifest_dir().join("src/command_list.rs"));
    let list = list_file
        .split("command_list! {")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .expect("command_list! in src/command_list.rs");
    list.split(',')
        .map(|item| item.trim().trim_matches('"'))
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_command_is_in_the_acl_manifest() {
    let bindings = commands_in_bindings();
    assert!(bindings.len() >= 20, "{bindings:?}");
    assert_eq!(bindings, commands_in_acl_manifest());
}

#[test]
fn one_capability_for_the_main_window_with_nothing_extra() {
    let folder = manifest_dir().join("capabilities");
    let files: Vec<_> = std::fs::read_dir(&folder)
        .expect("capabilities folder")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    assert_eq!(files.len(), 1, "one capability file: {files:?}");
    let capability: Value = serde_json::from_str(&read(&files[0])).expect("capability JSON");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    for key in ["webviews", "remote", "platforms"] {
        assert!(capability.get(key).is_none(), "unexpected {key:?}");
    }
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|permission| {
            permission
                .as_str()
                .unwrap_or_else(|| panic!("a plain permission name, not {permission}"))
                .to_string()
        })
        .collect();
    let mut allowed: BTreeSet<String> = commands_in_bindings()
        .iter()
        .map(|command| format!("allow-{}", command.replace('_', "-")))
        .collect();
    allowed.insert("core:event:allow-listen".into());
    allowed.insert("core:event:allow-unlisten".into());
    assert_eq!(
        granted, allowed,
        "exactly the app's commands and event listening"
    );
}

#[test]
fn the_csp_names_no_other_origin() {
    let config: Value =
        serde_json::from_str(&read(&manifest_dir().join("tauri.conf.json"))).expect("config");
    let app = &config["app"];
    assert_eq!(app["withGlobalTauri"], Value::Bool(false));
    let security = &app["security"];
    assert!(security
        .get("dangerousDisableAssetCspModification")
        .is_none());
    assert!(
        security.get("capabilities").is_none(),
        "capabilities only from the folder"
    );
    let csp = security["csp"].as_object().expect("CSP as directives");
    let directive = |name: &str| csp.get(name).and_then(Value::as_str).unwrap_or_default();
    assert_eq!(directive("default-src"), "'self'");
    assert_eq!(directive("script-src"), "'self'");
    for name in [
        "frame-src",
        "child-src",
        "object-src",
        "base-uri",
        "form-action",
    ] {
        assert_eq!(directive(name), "'none'", "{name}");
    }
    assert_eq!(directive("connect-src"), "ipc: http://ipc.localhost");
    for (name, value) in csp {
        let value = value.as_str().unwrap_or_default();
        for forbidden in [
            "*",
            "https:",
            "http: ",
            "'unsafe-eval'",
            "'wasm-unsafe-eval'",
        ] {
            assert!(
                !value.contains(forbidden),
                "{name} allows {forbidden}: {value}"
            );
        }
    }
    // Only the main window is declared; the captcha window is made at run time, with no
    // capability naming it.
    let windows = app["windows"].as_array().expect("windows");
    assert_eq!(windows.len(), 1);
    assert_eq!(windows[0]["label"], "main");
}

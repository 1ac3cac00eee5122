use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// Each message's id and its variables; a file that does not parse fails here.
fn messages(files: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    for text in files {
        if let Err((_, errors)) = fluent_syntax::parser::parse(*text) {
            panic!("the catalog does not parse: {errors:?}");
        }
    }
    variables::of_locale(files)
}

#[test]
fn every_locale_has_every_message_with_the_same_variables() {
    let (reference_locale, reference_files) = LOCALES[0];
    let reference = messages(reference_files);
    assert!(!reference.is_empty());
    for (locale, files) in &LOCALES[1..] {
        let other = messages(files);
        for (id, variables) in &reference {
            let theirs = other
                .get(id)
                .unwrap_or_else(|| panic!("{locale} lacks the message {id}"));
            assert_eq!(
                theirs, variables,
                "{id}: {locale} uses other variables than {reference_locale}"
            );
        }
        for id in other.keys() {
            assert!(
                reference.contains_key(id),
                "{locale} has {id}, which {reference_locale} lacks"
            );
        }
    }
}

#[test]
fn a_tag_finds_its_language_or_english() {
    assert_eq!(negotiate("es_US.UTF-8"), "es-US");
    assert_eq!(negotiate("es-MX"), "es-US");
    assert_eq!(negotiate("es"), "es-US");
    assert_eq!(negotiate("en-GB"), "en-US");
    assert_eq!(negotiate("de-DE"), "en-US");
    assert_eq!(negotiate("C"), "en-US");
    assert_eq!(negotiate(""), "en-US");
}

#[test]
fn messages_take_their_values_and_spanish_differs() {
    let english = Catalog::for_tag("en-US");
    let spanish = Catalog::for_tag("es-US");
    let english_text = english.text(
        "notice-payout-confirmed-body",
        &[("confirmations", Value::Count(1))],
    );
    assert!(
        english_text.contains("1 confirmation of the 3"),
        "{english_text}"
    );
    let two = english.text(
        "notice-payout-confirmed-body",
        &[("confirmations", Value::Count(2))],
    );
    assert!(two.contains("2 confirmations"), "{two}");
    let spanish_text = spanish.text(
        "notice-payout-confirmed-body",
        &[("confirmations", Value::Count(1))],
    );
    assert_ne!(english_text, spanish_text);
    assert!(!spanish_text.contains('\u{2068}'), "no isolation marks");
    assert_eq!(english.text("no-such-message", &[]), "no-such-message");
}

/// The `"reason-…"` literals in the Rust sources of every crate and of the desktop shell.
fn reason_ids_in_sources() -> BTreeSet<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut folders = vec![root.join("src-tauri/src")];
    for entry in std::fs::read_dir(root.join("crates")).expect("crates folder") {
        folders.push(entry.expect("entry").path().join("src"));
    }
    let mut ids = BTreeSet::new();
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).expect("source file");
                for piece in text.split("\"reason-").skip(1) {
                    let name = piece.split('"').next().unwrap_or_default();
                    let is_id = !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if is_id {
                        ids.insert(format!("reason-{name}"));
                    }
                }
            }
        }
    }
    ids
}

#[test]
fn every_reason_the_code_names_is_in_the_catalog_and_none_is_left_over() {
    let named = reason_ids_in_sources();
    assert!(named.len() > 100, "found only {named:?}");
    let catalog: BTreeSet<String> = messages(LOCALES[0].1)
        .into_keys()
        .filter(|id| id.starts_with("reason-"))
        .collect();
    let missing: Vec<&String> = named.difference(&catalog).collect();
    assert!(
        missing.is_empty(),
        "the code names {missing:?}, which en-US lacks"
    );
    let unused: Vec<&String> = catalog.difference(&named).collect();
    assert!(unused.is_empty(), "no code names {unused:?}");
}

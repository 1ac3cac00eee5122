use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// Each message's id and the variables it uses, from one locale's files.
fn messages(files: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    for text in files {
        let resource = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, errors)| panic!("the catalog does not parse: {errors:?}"));
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut variables);
                }
                for attribute in &message.attributes {
                    pattern_variables(&attribute.value, &mut variables);
                }
                found.insert(message.id.name.to_string(), variables);
            }
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for variant in variants {
                pattern_variables(&variant.value, into);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, into),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, into);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, into),
        _ => {}
    }
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

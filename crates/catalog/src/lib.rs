//! The sentences Rust itself must say to a person (desktop notifications, file dialogs, the
//! receipt), in the seller's language, from the same Fluent catalog the UI reads
//! (`catalog/<locale>/*.ftl`: `app.ftl` for what only Rust says, `ui.ftl` for words both share,
//! such as the status labels, `reasons.ftl` and `errors.ftl` for why something was refused).
//! Rust hands the UI codes and values; it makes a sentence only where no UI is there to, and in
//! English for the command line and the log.

mod variables;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// Every locale the catalog has, with its files, in the order a tag is matched against them.
/// The first is the fallback for a message a locale lacks.
const LOCALES: &[(&str, &[&str])] = &[
    (
        "en-US",
        &[
            include_str!("../../../catalog/en-US/app.ftl"),
            include_str!("../../../catalog/en-US/errors.ftl"),
            include_str!("../../../catalog/en-US/reasons.ftl"),
            include_str!("../../../catalog/en-US/ui.ftl"),
        ],
    ),
    (
        "es-US",
        &[
            include_str!("../../../catalog/es-US/app.ftl"),
            include_str!("../../../catalog/es-US/errors.ftl"),
            include_str!("../../../catalog/es-US/reasons.ftl"),
            include_str!("../../../catalog/es-US/ui.ftl"),
        ],
    ),
];

/// The language used when the computer's is not one the catalog has.
pub const FALLBACK_LOCALE: &str = "en-US";

pub struct Catalog {
    locale: &'static str,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<Box<Catalog>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Catalog")
            .field("locale", &self.locale)
            .finish()
    }
}

/// The catalog's locale for a BCP 47 or POSIX tag (`es-MX`, `es_US.UTF-8`, `en`): the same
/// language, else English.
pub fn negotiate(tag: &str) -> &'static str {
    let cleaned = tag.split(['.', '@']).next().unwrap_or("").replace('_', "-");
    let language = cleaned
        .parse::<LanguageIdentifier>()
        .map(|id| id.language.as_str().to_string())
        .unwrap_or_default();
    LOCALES
        .iter()
        .map(|(locale, _)| *locale)
        .find(|locale| locale.split('-').next() == Some(language.as_str()))
        .unwrap_or(FALLBACK_LOCALE)
}

impl Catalog {
    /// The catalog for the locale `tag` negotiates to.
    pub fn for_tag(tag: &str) -> Catalog {
        Catalog::load(negotiate(tag))
    }

    /// The base locale's catalog, parsed once: what errors say on the command line and in the
    /// log, where no seller's language applies.
    pub fn english() -> &'static Catalog {
        static ENGLISH: OnceLock<Catalog> = OnceLock::new();
        ENGLISH.get_or_init(|| Catalog::load(FALLBACK_LOCALE))
    }

    fn load(locale: &'static str) -> Catalog {
        let (_, files) = LOCALES
            .iter()
            .find(|(name, _)| *name == locale)
            .unwrap_or(&LOCALES[0]);
        let id: LanguageIdentifier = locale.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No bidi isolation marks around values: every locale here is left to right, and the
        // marks would travel with a copied address.
        bundle.set_use_isolating(false);
        for text in *files {
            // A syntax error is caught by the tests below; what parsed is still used.
            let resource = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|(partial, _errors)| partial);
            let _ = bundle.add_resource(resource);
        }
        Catalog {
            locale,
            bundle,
            fallback: (locale != FALLBACK_LOCALE).then(|| Box::new(Catalog::load(FALLBACK_LOCALE))),
        }
    }

    pub fn locale(&self) -> &'static str {
        self.locale
    }

    /// Whether this locale itself (not its fallback) has the message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with `args`; the fallback locale's when this one lacks it, and the id
    /// itself only when the catalog has no such message at all (a test makes sure it does).
    pub fn text(&self, id: &str, args: &[(&str, Value)]) -> String {
        let Some(pattern) = self
            .bundle
            .get_message(id)
            .and_then(|message| message.value())
        else {
            return match &self.fallback {
                Some(fallback) => fallback.text(id, args),
                None => id.to_string(),
            };
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Value::Text(text) => fluent_args.set(*name, FluentValue::from(text.clone())),
                Value::Count(count) => fluent_args.set(*name, FluentValue::from(*count)),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

/// The variables the base locale's message `id` reads (in its value, selectors and attributes);
/// `None` when there is no such message. Lets code that hands out message ids and values check,
/// in its tests, that it gives each message exactly what it reads.
pub fn message_variables(id: &str) -> Option<&'static BTreeSet<String>> {
    static BASE: OnceLock<BTreeMap<String, BTreeSet<String>>> = OnceLock::new();
    BASE.get_or_init(|| variables::of_locale(LOCALES[0].1))
        .get(id)
}

/// A value a message takes: text as given, or a whole number the locale may pluralise on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Count(u64),
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_string())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl From<u64> for Value {
    fn from(count: u64) -> Value {
        Value::Count(count)
    }
}

impl From<u32> for Value {
    fn from(count: u32) -> Value {
        Value::Count(u64::from(count))
    }
}

#[cfg(test)]
mod tests;

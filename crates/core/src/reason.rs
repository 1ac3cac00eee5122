//! Why something was refused, as the catalog words it: a message id and the values it reads.
//! The sentence itself lives in `catalog/<locale>/reasons.ftl` (or `errors.ftl`), so the UI can
//! say it in the seller's language; `Display` says it in English, for the command line and the log.

use std::collections::BTreeMap;
use std::fmt;

use cardcoins_catalog::{Catalog, Value};
use serde::Serialize;

use crate::human_size::human_size;
use crate::money::{group_thousands, Cents};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reason {
    /// A catalog message id (`reason-amount-empty`).
    pub id: &'static str,
    /// The values the message reads, by its variable names.
    pub args: BTreeMap<&'static str, ReasonArg>,
}

/// A value as the message needs it: counts stay numbers (a language may pluralise on them);
/// money, sizes and sats are written for the language where they are shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ReasonArg {
    /// Shown as it is: something the person typed, a name, a selector key.
    Text(String),
    /// A count the message may choose a plural form by.
    Count(u64),
    /// A number written without grouping, as pixels and other technical numbers are (4000).
    Digits(u64),
    /// US dollars in cents.
    Cents(u64),
    /// A file size in bytes.
    Bytes(u64),
    /// An amount in thousandths of a satoshi, as Lightning invoices ask for.
    Millisats(u64),
}

impl Reason {
    pub fn new(id: &'static str) -> Reason {
        Reason {
            id,
            args: BTreeMap::new(),
        }
    }

    /// The same reason with the variable `name` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<ReasonArg>) -> Reason {
        self.args.insert(name, value.into());
        self
    }

    /// The sentence in `catalog`'s language. Amounts and sizes are written the US way, which
    /// is also how the catalog's Spanish writes them.
    pub fn words(&self, catalog: &Catalog) -> String {
        let args: Vec<(&str, Value)> = self
            .args
            .iter()
            .map(|(name, arg)| (*name, arg.value()))
            .collect();
        catalog.text(self.id, &args)
    }

    /// What is wrong with this reason's catalog message, for tests: no such message, or other
    /// variables than the values given. `Ok` holds the English sentence.
    pub fn check(&self) -> Result<String, String> {
        let Some(variables) = cardcoins_catalog::message_variables(self.id) else {
            return Err(format!("the catalog has no message {}", self.id));
        };
        let given: Vec<&str> = self.args.keys().copied().collect();
        let read: Vec<&str> = variables.iter().map(String::as_str).collect();
        if given != read {
            return Err(format!(
                "{} reads {read:?}, but it was given {given:?}",
                self.id
            ));
        }
        let text = self.to_string();
        if text.contains("{$") || text.contains("{ $") {
            return Err(format!("{} was left unfilled: {text}", self.id));
        }
        Ok(text)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Catalog::english()))
    }
}

impl ReasonArg {
    fn value(&self) -> Value {
        match self {
            ReasonArg::Text(text) => Value::Text(text.clone()),
            ReasonArg::Count(count) => Value::Count(*count),
            ReasonArg::Digits(number) => Value::Text(number.to_string()),
            ReasonArg::Cents(cents) => Value::Text(Cents::new(*cents).to_string()),
            ReasonArg::Bytes(bytes) => Value::Text(human_size(*bytes)),
            ReasonArg::Millisats(msat) => Value::Text(millisats_text(*msat)),
        }
    }
}

impl From<String> for ReasonArg {
    fn from(text: String) -> ReasonArg {
        ReasonArg::Text(text)
    }
}

impl From<&str> for ReasonArg {
    fn from(text: &str) -> ReasonArg {
        ReasonArg::Text(text.to_string())
    }
}

impl From<char> for ReasonArg {
    fn from(c: char) -> ReasonArg {
        ReasonArg::Text(c.to_string())
    }
}

impl From<u64> for ReasonArg {
    fn from(count: u64) -> ReasonArg {
        ReasonArg::Count(count)
    }
}

impl From<u32> for ReasonArg {
    fn from(count: u32) -> ReasonArg {
        ReasonArg::Count(u64::from(count))
    }
}

impl From<usize> for ReasonArg {
    fn from(count: usize) -> ReasonArg {
        ReasonArg::Count(u64::try_from(count).unwrap_or(u64::MAX))
    }
}

impl From<Cents> for ReasonArg {
    fn from(cents: Cents) -> ReasonArg {
        ReasonArg::Cents(cents.get())
    }
}

/// "50,000 sats", "1.5 sats": an invoice's amount, its thousandths of a sat only when it has any.
fn millisats_text(msat: u64) -> String {
    let whole = group_thousands(msat / 1000);
    match msat % 1000 {
        0 => format!("{whole} sats"),
        rest => {
            let fraction = format!("{rest:03}");
            format!("{whole}.{} sats", fraction.trim_end_matches('0'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_english_reads_them() {
        assert_eq!(millisats_text(50_000_000), "50,000 sats");
        assert_eq!(millisats_text(1_500), "1.5 sats");
        assert_eq!(millisats_text(1), "0.001 sats");
    }

    #[test]
    fn a_reason_reads_its_values_in_each_language() {
        let reason = Reason::new("reason-amount-too-large")
            .with("amount", Cents::new(12_345_600))
            .with("max", Cents::MAX_ORDER);
        assert_eq!(
            reason.check(),
            Ok("$123,456.00 is more than any gift card holds (at most $100,000.00): check the number."
                .to_string())
        );
        let spanish = reason.words(&Catalog::for_tag("es-US"));
        assert!(spanish.contains("$123,456.00"), "{spanish}");
        assert_ne!(spanish, reason.to_string());
    }

    #[test]
    fn a_wrong_reason_is_caught() {
        assert!(Reason::new("no-such-message").check().is_err());
        assert!(Reason::new("reason-amount-negative").check().is_err());
        assert!(Reason::new("reason-amount-empty")
            .with("input", "x")
            .check()
            .is_err());
    }

    #[test]
    fn it_reaches_the_ui_as_an_id_and_typed_values() {
        let reason = Reason::new("reason-order-id-too-long")
            .with("length", 129_usize)
            .with("max", 128_usize);
        assert_eq!(
            serde_json::to_value(&reason).unwrap(),
            serde_json::json!({
                "id": "reason-order-id-too-long",
                "args": {"length": {"count": 129}, "max": {"count": 128}},
            })
        );
    }
}

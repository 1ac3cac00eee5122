//! A seller's first and last name, as the payment step may need them (the reference: "required
//! only once per customer profile and dependent on their current weekly order volume").

use serde::Serialize;

use crate::{CoreError, Reason};

/// Longer than any real name; a longer text is a paste gone wrong.
const MAX_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonName {
    pub first: String,
    pub last: String,
}

impl PersonName {
    /// Both names, or neither (`None`): one alone is refused, since CardCoins wants both.
    /// Surrounding spaces are dropped; control characters and overlong names are refused.
    pub fn parse(first: Option<&str>, last: Option<&str>) -> Result<Option<PersonName>, CoreError> {
        let first = first.map(str::trim).filter(|name| !name.is_empty());
        let last = last.map(str::trim).filter(|name| !name.is_empty());
        match (first, last) {
            (None, None) => Ok(None),
            (Some(first), Some(last)) => Ok(Some(PersonName {
                first: checked(first, Which::First)?,
                last: checked(last, Which::Last)?,
            })),
            _ => Err(CoreError::InvalidName(Reason::new(
                "reason-name-one-missing",
            ))),
        }
    }
}

#[derive(Clone, Copy)]
enum Which {
    First,
    Last,
}

fn checked(name: &str, which: Which) -> Result<String, CoreError> {
    let (too_long, invisible) = match which {
        Which::First => ("reason-name-first-too-long", "reason-name-first-invisible"),
        Which::Last => ("reason-name-last-too-long", "reason-name-last-invisible"),
    };
    if name.chars().count() > MAX_CHARS {
        return Err(CoreError::InvalidName(
            Reason::new(too_long).with("max", MAX_CHARS),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(CoreError::InvalidName(Reason::new(invisible)));
    }
    Ok(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_or_neither() {
        assert_eq!(PersonName::parse(None, Some("  ")), Ok(None));
        assert_eq!(
            PersonName::parse(Some(" Ada "), Some("Lovelace")),
            Ok(Some(PersonName {
                first: "Ada".into(),
                last: "Lovelace".into()
            }))
        );
        for (first, last) in [(Some("Ada"), None), (Some(" "), Some("Lovelace"))] {
            let error = PersonName::parse(first, last).expect_err("one name alone");
            assert_eq!(error.code(), crate::ErrorCode::InvalidName);
        }
    }

    #[test]
    fn refuses_what_no_name_looks_like() {
        let long = "a".repeat(101);
        assert!(PersonName::parse(Some(&long), Some("B")).is_err());
        assert!(PersonName::parse(Some("A\u{0}"), Some("B")).is_err());
        assert!(PersonName::parse(Some("Zoë"), Some("O'Brien-Núñez")).is_ok());
    }
}

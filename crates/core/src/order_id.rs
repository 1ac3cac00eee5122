//! The order ID is a bearer secret: whoever holds it can view, edit and complete the order, and
//! the bitcoin goes wherever the order says. So the full value is only ever read on purpose.

use std::fmt;

use serde::{Deserialize, Deserializer};

use crate::{CoreError, Reason};

const MAX_LEN: usize = 128;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct OrderId(String);

impl OrderId {
    /// Trims surrounding whitespace; refuses empty, over-long and non URL-safe input (the ID goes
    /// into URL paths). Error texts never repeat the input: it may be a real ID with one typo.
    pub fn parse(input: &str) -> Result<OrderId, CoreError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(CoreError::InvalidOrderId(Reason::new(
                "reason-order-id-empty",
            )));
        }
        let length = trimmed.chars().count();
        if length > MAX_LEN {
            return Err(CoreError::InvalidOrderId(
                Reason::new("reason-order-id-too-long")
                    .with("length", length)
                    .with("max", MAX_LEN),
            ));
        }
        if let Some(bad) = trimmed
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            let reason = if bad.is_whitespace() || bad.is_control() {
                Reason::new("reason-order-id-space")
            } else {
                Reason::new("reason-order-id-character").with("char", bad)
            };
            return Err(CoreError::InvalidOrderId(reason));
        }
        Ok(OrderId(trimmed.to_string()))
    }

    /// The full ID. Call it only to put the ID into an API request or into secure storage.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// The first three characters and an ellipsis, safe for logs and screens: "yD1…".
    pub fn redacted(&self) -> String {
        let head: String = self.0.chars().take(3).collect();
        format!("{head}…")
    }
}

impl fmt::Debug for OrderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OrderId({})", self.redacted())
    }
}

impl fmt::Display for OrderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl<'de> Deserialize<'de> for OrderId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<OrderId, D::Error> {
        let raw = String::deserialize(deserializer)?;
        OrderId::parse(&raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_url_safe_ids_and_trims() {
        let id = OrderId::parse("  yD1gHCUWjh\n").unwrap();
        assert_eq!(id.expose_secret(), "yD1gHCUWjh");
        assert!(OrderId::parse("a-b_C9").is_ok());
        assert!(OrderId::parse(&"x".repeat(128)).is_ok());
    }

    #[test]
    fn never_shows_the_secret() {
        let id = OrderId::parse("yD1gHCUWjh").unwrap();
        assert_eq!(id.redacted(), "yD1…");
        assert_eq!(id.to_string(), "yD1…");
        assert_eq!(format!("{id:?}"), "OrderId(yD1…)");
        assert!(!format!("{id:?}{id}{id:#?}").contains("gHCU"));
        assert_eq!(OrderId::parse("ab").unwrap().redacted(), "ab…");
    }

    #[test]
    fn refuses_bad_ids_without_echoing_them() {
        for (input, says) in [
            ("", "No order ID"),
            ("   ", "No order ID"),
            (&"x".repeat(129), "129 characters"),
            ("secretPART/../x", "'/'"),
            ("secretPART x", "space"),
            ("secretPART%2F", "'%'"),
            ("secretPARTé", "'é'"),
        ] {
            let err = OrderId::parse(input).expect_err(input);
            assert_eq!(err.code(), crate::ErrorCode::InvalidOrderId);
            let text = err.to_string();
            assert!(text.contains(says), "{input}: {text}");
            assert!(!text.contains("secretPART"), "{text}");
            let values = format!("{:?}", err.reason().args);
            assert!(!values.contains("secretPART"), "{values}");
        }
    }

    #[test]
    fn deserialises_through_parse() {
        let id: OrderId = serde_json::from_str("\" yD1gHCUWjh \"").unwrap();
        assert_eq!(id.expose_secret(), "yD1gHCUWjh");
        assert!(serde_json::from_str::<OrderId>("\"a/b\"").is_err());
    }
}

//! Order statuses. Open on purpose: a status the server adds later must show as "unknown", never
//! break reading an order the seller has money in.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OrderStatus {
    Created,
    Authorized,
    Processing,
    Approved,
    Completed,
    Rejected,
    Expired,
    Cancelled,
    /// The server no longer knows the order (it answered 404): it expired or was cancelled.
    /// Never sent as a status word; the app records it so the order is not polled again.
    Gone,
    /// A status this version does not know, kept as the server sent it.
    Unknown(String),
}

impl OrderStatus {
    /// Reads the API's status string; matches any letter case, never fails.
    pub fn parse(raw: &str) -> OrderStatus {
        match raw.trim().to_ascii_lowercase().as_str() {
            "created" => OrderStatus::Created,
            "authorized" => OrderStatus::Authorized,
            "processing" => OrderStatus::Processing,
            "approved" => OrderStatus::Approved,
            "completed" => OrderStatus::Completed,
            "rejected" => OrderStatus::Rejected,
            "expired" => OrderStatus::Expired,
            "cancelled" | "canceled" => OrderStatus::Cancelled,
            "gone" => OrderStatus::Gone,
            _ => OrderStatus::Unknown(raw.to_string()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            OrderStatus::Created => "created",
            OrderStatus::Authorized => "authorized",
            OrderStatus::Processing => "processing",
            OrderStatus::Approved => "approved",
            OrderStatus::Completed => "completed",
            OrderStatus::Rejected => "rejected",
            OrderStatus::Expired => "expired",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Gone => "gone",
            OrderStatus::Unknown(raw) => raw,
        }
    }

    /// Whether the order can no longer change. `Rejected` is not final: the seller may upload new
    /// photos and ask for review again. `Unknown` is not final either, so it keeps being polled.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            OrderStatus::Approved
                | OrderStatus::Completed
                | OrderStatus::Expired
                | OrderStatus::Cancelled
                | OrderStatus::Gone
        )
    }

    /// Whether this is one of the words this version understands.
    pub fn is_known(&self) -> bool {
        !matches!(self, OrderStatus::Unknown(_))
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for OrderStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for OrderStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<OrderStatus, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(OrderStatus::parse(&raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_statuses_round_trip() {
        for status in [
            OrderStatus::Created,
            OrderStatus::Authorized,
            OrderStatus::Processing,
            OrderStatus::Approved,
            OrderStatus::Completed,
            OrderStatus::Rejected,
            OrderStatus::Expired,
            OrderStatus::Cancelled,
            OrderStatus::Gone,
        ] {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            assert_eq!(serde_json::from_str::<OrderStatus>(&json).unwrap(), status);
        }
        assert_eq!(OrderStatus::parse("PROCESSING"), OrderStatus::Processing);
        assert_eq!(OrderStatus::parse("canceled"), OrderStatus::Cancelled);
    }

    #[test]
    fn unknown_statuses_are_kept_not_refused() {
        let status: OrderStatus = serde_json::from_str("\"on_hold\"").unwrap();
        assert_eq!(status, OrderStatus::Unknown("on_hold".into()));
        assert_eq!(serde_json::to_string(&status).unwrap(), "\"on_hold\"");
        assert!(!status.is_final());
        assert_eq!(OrderStatus::parse(""), OrderStatus::Unknown(String::new()));
    }

    #[test]
    fn finality() {
        assert!(OrderStatus::Approved.is_final());
        assert!(OrderStatus::Completed.is_final());
        assert!(OrderStatus::Expired.is_final());
        assert!(OrderStatus::Cancelled.is_final());
        assert!(!OrderStatus::Rejected.is_final());
        assert!(!OrderStatus::Created.is_final());
        assert!(!OrderStatus::Authorized.is_final());
        assert!(!OrderStatus::Processing.is_final());
    }
}

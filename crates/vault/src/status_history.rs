//! An order's status history: what the app saw the status become, when, and what CardCoins said
//! with it. History and the Status screen draw their timeline from it; the support bundle
//! carries it.

use cardcoins_core::OrderStatus;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::record::OrderRecord;

/// Entries kept per order. An order that flips between states (a server bug, a long back and
/// forth over photos) must not grow the data file without end; the first entry, when the order
/// began, is always kept.
pub const MAX_HISTORY: usize = 100;

/// The longest message kept: a server's text is shown in a timeline, not read as a document.
const MAX_MESSAGE_CHARS: usize = 500;

/// One change of status, as this app saw it (not necessarily the moment the server made it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusEntry {
    pub status: OrderStatus,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// What CardCoins said with this status (a rejection's feedback), already scrubbed of the
    /// order ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl OrderRecord {
    /// Records that the order is now in `status`: appends to the history when the status differs
    /// from the last entry (returning whether it did), and keeps `last_status` in step.
    ///
    /// `message` is stored and later shown and exported as given, so it must already be scrubbed
    /// of the order ID. Texts from `cardcoins_api::OrderDetails` are (the api crate scrubs every
    /// server text against the order it read); anything else must go through the same
    /// replacement of the ID by `OrderId::redacted()` first.
    pub fn note_status(
        &mut self,
        status: OrderStatus,
        at: OffsetDateTime,
        message: Option<String>,
    ) -> bool {
        self.last_status = status.clone();
        if self
            .history
            .last()
            .is_some_and(|last| last.status == status)
        {
            return false;
        }
        self.history.push(StatusEntry {
            status,
            at,
            message: message.and_then(tidy),
        });
        if self.history.len() > MAX_HISTORY {
            // The oldest after the first: the timeline keeps its start and its recent end.
            self.history.remove(1);
        }
        true
    }
}

fn tidy(message: String) -> Option<String> {
    let trimmed = message.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.chars().count() <= MAX_MESSAGE_CHARS {
        return Some(trimmed.to_string());
    }
    let mut cut: String = trimmed.chars().take(MAX_MESSAGE_CHARS).collect();
    cut.push('…');
    Some(cut)
}

#[cfg(test)]
mod tests {
    use cardcoins_core::Cents;

    use super::*;

    fn at(seconds: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_800_000_000 + seconds).expect("time")
    }

    fn record() -> OrderRecord {
        OrderRecord::new("h".into(), Cents::new(5500), at(0))
    }

    #[test]
    fn appends_only_changes_and_keeps_last_status_in_step() {
        let mut record = record();
        assert!(record.note_status(OrderStatus::Created, at(0), None));
        assert!(!record.note_status(OrderStatus::Created, at(5), Some("again".into())));
        assert!(record.note_status(OrderStatus::Rejected, at(10), Some("  Blurry  ".into())));
        assert_eq!(record.last_status, OrderStatus::Rejected);
        assert!(record.note_status(OrderStatus::Processing, at(20), Some(" ".into())));
        assert!(record.note_status(OrderStatus::Rejected, at(30), None));
        let statuses: Vec<&str> = record.history.iter().map(|e| e.status.as_str()).collect();
        assert_eq!(
            statuses,
            ["created", "rejected", "processing", "rejected"],
            "a status seen again after another is a new entry"
        );
        assert_eq!(record.history[1].message.as_deref(), Some("Blurry"));
        assert_eq!(record.history[2].message, None);
        assert_eq!(record.history[1].at, at(10));
    }

    #[test]
    fn the_cap_drops_the_oldest_but_keeps_the_first() {
        let mut record = record();
        for n in 0..(MAX_HISTORY as i64 + 20) {
            let status = if n % 2 == 0 {
                OrderStatus::Processing
            } else {
                OrderStatus::Rejected
            };
            assert!(record.note_status(status, at(n), None));
        }
        assert_eq!(record.history.len(), MAX_HISTORY);
        assert_eq!(record.history[0].at, at(0), "the first entry stays");
        assert_eq!(record.history[1].at, at(21), "the oldest after it went");
        assert_eq!(
            record.history.last().map(|e| e.at),
            Some(at(MAX_HISTORY as i64 + 19))
        );
    }

    #[test]
    fn long_messages_are_cut() {
        let mut record = record();
        record.note_status(OrderStatus::Rejected, at(1), Some("x".repeat(2000)));
        let kept = record.history[0].message.as_deref().expect("message");
        assert_eq!(kept.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert!(kept.ends_with('…'));
    }

    #[test]
    fn entries_serialise_with_rfc3339_times_and_no_empty_message() {
        let entry = StatusEntry {
            status: OrderStatus::Approved,
            at: at(0),
            message: None,
        };
        let json = serde_json::to_string(&entry).expect("json");
        assert_eq!(json, r#"{"status":"approved","at":"2027-01-15T08:00:00Z"}"#);
        assert_eq!(
            serde_json::from_str::<StatusEntry>(&json).expect("read back"),
            entry
        );
    }
}

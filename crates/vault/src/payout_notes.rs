//! An on-chain payout's watch, kept with its order so it survives restarts, and the lines it
//! added to the order's timeline.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::record::OrderRecord;

/// Lines kept per order: a watch has at most a handful of events; a bound keeps a confused
/// server from growing the file.
pub const MAX_PAYOUT_NOTES: usize = 20;

/// One change in the payout's state, as the app told the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutNote {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub title: String,
    pub body: String,
    /// The transaction the payout was believed to be then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub txid: Option<String>,
    /// What happened, so each screen can word it in its reader's language; `title` and `body`
    /// are the words of the moment, for records and for lines kept before this existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<cardcoins_payout_watch::WatchEvent>,
}

impl OrderRecord {
    /// Appends a timeline line, keeping the first and the newest when there are too many.
    pub fn note_payout(&mut self, note: PayoutNote) {
        self.payout_timeline.push(note);
        if self.payout_timeline.len() > MAX_PAYOUT_NOTES {
            self.payout_timeline.remove(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use cardcoins_core::{Cents, FlowStep, OrderStatus};
    use cardcoins_payout_watch::{PayoutTarget, PayoutWatch};

    use super::*;

    fn record_json() -> &'static str {
        r#"{"handle":"h","amount":5500,"created_at":"2023-11-14T22:13:20Z","last_status":"approved","step":"status"}"#
    }

    #[test]
    fn files_without_a_watch_load_and_a_watch_survives_a_round_trip() {
        let mut record: OrderRecord = serde_json::from_str(record_json()).expect("old record");
        assert!(record.payout_watch.is_none());
        assert!(record.payout_timeline.is_empty());
        assert_eq!(record.amount, Cents::new(5500));
        assert_eq!(record.last_status, OrderStatus::Approved);
        assert_eq!(record.step, FlowStep::Status);
        let written = serde_json::to_string(&record).expect("written");
        assert!(
            !written.contains("payout"),
            "nothing new written: {written}"
        );

        let target = PayoutTarget::new(
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            83_523,
            record.created_at,
        )
        .expect("target");
        record.payout_watch = Some(PayoutWatch::new(target));
        for n in 0..(MAX_PAYOUT_NOTES + 3) {
            record.note_payout(PayoutNote {
                at: OffsetDateTime::UNIX_EPOCH,
                title: format!("line {n}"),
                body: "body".into(),
                txid: None,
                event: None,
            });
        }
        assert_eq!(record.payout_timeline.len(), MAX_PAYOUT_NOTES);
        assert_eq!(record.payout_timeline[0].title, "line 0");
        let back: OrderRecord =
            serde_json::from_str(&serde_json::to_string(&record).expect("written")).expect("read");
        assert_eq!(back, record);
    }
}

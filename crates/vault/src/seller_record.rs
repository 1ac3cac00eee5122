//! What the seller did and was told, as this app saw it: the quote, the destination sent, whether
//! names went with it, the phone's last digits, when each photo left. The API reference documents
//! little that a server echoes back, so every summary the seller reads (review, approval, history,
//! exports, the receipt, the payout watch) starts from this; the server's fields only add to it.

use cardcoins_core::{Cents, ImageSlot, Sats};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::record::OrderRecord;

/// A quote: the sats for the card at a price (US cents per whole bitcoin, fees included), and
/// when it held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedQuote {
    pub sats: Sats,
    pub price: Cents,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// The payout destination exactly as it went to CardCoins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedDestination {
    /// The API value: a normalised address, invoice or Lightning Address.
    pub text: String,
    /// Sent as `ln_invoice` (an invoice or a Lightning Address), not `address`.
    pub lightning: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// The receive address an order was given from the seller's wallet: which wallet, and the
/// address's number on its receive chain. The address itself is the order's destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalletAddress {
    /// [`crate::WalletRecord::id`].
    pub wallet: String,
    pub index: u32,
}

/// One photo uploaded from this computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoSent {
    pub slot: ImageSlot,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// How many of the phone's digits are kept: enough to recognise it, too few to dial it.
const PHONE_DIGITS_KEPT: usize = 4;

impl OrderRecord {
    /// Keeps the destination sent, and whether names went with it (never the names).
    pub fn note_destination(
        &mut self,
        text: &str,
        lightning: bool,
        names_given: bool,
        at: OffsetDateTime,
    ) {
        self.destination = Some(RecordedDestination {
            text: text.to_string(),
            lightning,
            at,
        });
        self.names_given |= names_given;
    }

    /// Keeps the last digits of the phone number CardCoins confirmed.
    pub fn note_phone(&mut self, e164: &str) {
        let digits: Vec<char> = e164.chars().filter(char::is_ascii_digit).collect();
        let start = digits.len().saturating_sub(PHONE_DIGITS_KEPT);
        self.phone_last_digits = Some(digits[start..].iter().collect());
    }

    /// Keeps when a photo left; a replaced photo keeps its newest time.
    pub fn note_photo_sent(&mut self, slot: ImageSlot, at: OffsetDateTime) {
        self.mark_uploaded(slot);
        self.photos_sent.retain(|sent| sent.slot != slot);
        self.photos_sent.push(PhotoSent { slot, at });
    }

    /// Keeps what the server said the order pays, when it differs from what was kept before.
    pub fn note_server_quote(&mut self, quote: RecordedQuote) {
        let same = self
            .server_quote
            .is_some_and(|kept| kept.sats == quote.sats && kept.price == quote.price);
        if !same {
            self.server_quote = Some(quote);
        }
    }

    /// The quote the order stands at: the server's latest, else the one the seller was shown.
    pub fn current_quote(&self) -> Option<RecordedQuote> {
        self.server_quote.or(self.quote)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> OrderRecord {
        OrderRecord::new("h".into(), Cents::new(5500), OffsetDateTime::UNIX_EPOCH)
    }

    #[test]
    fn keeps_four_digits_of_the_phone() {
        let mut record = record();
        record.note_phone("+16502530000");
        assert_eq!(record.phone_last_digits.as_deref(), Some("0000"));
        record.note_phone("+12");
        assert_eq!(record.phone_last_digits.as_deref(), Some("12"));
    }

    #[test]
    fn a_replaced_photo_keeps_its_newest_time() {
        let mut record = record();
        let later = OffsetDateTime::UNIX_EPOCH + time::Duration::minutes(5);
        record.note_photo_sent(ImageSlot::Image2, OffsetDateTime::UNIX_EPOCH);
        record.note_photo_sent(ImageSlot::Image2, later);
        assert_eq!(
            record.photos_sent,
            vec![PhotoSent {
                slot: ImageSlot::Image2,
                at: later
            }]
        );
        assert_eq!(record.uploaded, vec![ImageSlot::Image2]);
    }

    #[test]
    fn the_servers_quote_takes_over_and_names_stay_a_yes() {
        let mut record = record();
        let shown = RecordedQuote {
            sats: Sats::new(83_523),
            price: Cents::new(6_585_000),
            at: OffsetDateTime::UNIX_EPOCH,
        };
        record.quote = Some(shown);
        assert_eq!(record.current_quote(), Some(shown));
        let server = RecordedQuote {
            sats: Sats::new(83_000),
            price: Cents::new(6_626_506),
            at: OffsetDateTime::UNIX_EPOCH,
        };
        record.note_server_quote(server);
        assert_eq!(record.current_quote(), Some(server));
        record.note_destination("bc1q", false, true, OffsetDateTime::UNIX_EPOCH);
        record.note_destination("bc1q", false, false, OffsetDateTime::UNIX_EPOCH);
        assert!(
            record.names_given,
            "a later send without names does not unsay the first"
        );
    }

    #[test]
    fn records_written_before_these_fields_still_load() {
        let old = r#"{"handle":"h","amount":5500,"created_at":"2026-12-01T10:00:00Z","last_status":"created","step":"phone"}"#;
        let record: OrderRecord = serde_json::from_str(old).expect("old record");
        assert_eq!(record.quote, None);
        assert!(record.photos_sent.is_empty());
        assert!(!record.names_given);
    }
}

//! One order's facts for every summary the seller reads: the review, the approval, history, the
//! exports, the receipt and the payout watch. The app's own record of what the seller did is the
//! base; the server's fields add to it. The reference documents only the status, the card value,
//! the price and the sats in an order it sends back, so a destination or a payout that the server
//! does not echo still shows, from the record.

use cardcoins_api::{OrderDetails, SubmittedDestination};
use cardcoins_core::{Cents, OrderStatus, Sats};
use cardcoins_vault::{OrderRecord, RecordedQuote};
use time::OffsetDateTime;

use crate::row::PayoutRef;
use crate::usd::usd_value_at_receipt;

/// Where the bitcoin goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutDestination {
    pub text: String,
    /// A Lightning invoice or Lightning Address, not an on-chain address.
    pub lightning: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderFacts {
    pub card_value: Cents,
    pub created_at: OffsetDateTime,
    pub status: OrderStatus,
    /// What the order pays now: the server's latest quote, else the one the seller was shown.
    pub quote: Option<RecordedQuote>,
    /// The quote the seller was shown, when the server's differs from it (the price moved).
    pub quoted_first: Option<RecordedQuote>,
    /// Where the seller asked for the bitcoin to go (the record), else where the server says.
    pub destination: Option<PayoutDestination>,
    /// A destination the server names that is not the one this app sent. It may mean a payout
    /// to the wrong place: the seller must be told.
    pub server_destination_differs: Option<String>,
    /// The order is approved or completed: the bitcoin is sent or on its way.
    pub approved: bool,
    /// The bitcoin sent: the server's payout amount, else, once approved, the quote's.
    pub paid_sats: Option<Sats>,
    /// How the payout can be found: the watch's transaction (it follows a replacement), else
    /// the server's transaction or payment hash.
    pub payout_ref: Option<PayoutRef>,
    pub names_given: bool,
    pub phone_last_digits: Option<String>,
}

impl OrderFacts {
    /// The facts from the record alone, and what `details` (the server's order, when it could
    /// be read) adds.
    pub fn new(record: &OrderRecord, details: Option<&OrderDetails>) -> OrderFacts {
        let status = details
            .map(|details| details.status.clone())
            .unwrap_or_else(|| record.last_status.clone());
        let approved = matches!(status, OrderStatus::Approved | OrderStatus::Completed);
        let server_quote = details.map(|details| RecordedQuote {
            sats: details.sats,
            price: details.price_usd,
            at: details
                .quote_updated_at
                .unwrap_or_else(|| record.server_quote.map_or(record.created_at, |q| q.at)),
        });
        let quote = server_quote.or_else(|| record.current_quote());
        let quoted_first = record
            .quote
            .filter(|first| quote.is_some_and(|now| now.sats != first.sats));
        let payout = details.and_then(|details| details.payout.as_ref());
        let server_destination = payout
            .and_then(|payout| payout.destination.as_ref())
            .or(details.and_then(|details| details.destination.as_ref()))
            .map(destination_of);
        let sent = record.destination.as_ref().map(|sent| PayoutDestination {
            text: sent.text.clone(),
            lightning: sent.lightning,
        });
        let server_destination_differs = match (&sent, &server_destination) {
            (Some(sent), Some(server)) if !same_destination(&sent.text, &server.text) => {
                Some(server.text.clone())
            }
            _ => None,
        };
        let destination = sent.or(server_destination);
        let paid_sats = payout
            .and_then(|payout| payout.sats)
            .or_else(|| approved.then(|| quote.map(|quote| quote.sats)).flatten());
        let watched = record
            .payout_watch
            .as_ref()
            .and_then(|watch| watch.state().txid())
            .map(|txid| PayoutRef::Txid(txid.to_string()));
        let payout_ref = watched.or_else(|| {
            payout.and_then(|payout| {
                payout
                    .txid
                    .clone()
                    .map(PayoutRef::Txid)
                    .or_else(|| payout.payment_hash.clone().map(PayoutRef::PaymentHash))
            })
        });
        OrderFacts {
            card_value: details.map_or(record.amount, |details| details.amount),
            created_at: details
                .and_then(|details| details.created_at)
                .unwrap_or(record.created_at),
            status,
            quote,
            quoted_first,
            destination,
            server_destination_differs,
            approved,
            paid_sats,
            payout_ref,
            names_given: record.names_given,
            phone_last_digits: record.phone_last_digits.clone(),
        }
    }

    /// The bitcoin the order pays (or paid), in dollars at its quote's price.
    pub fn quote_value(&self) -> Option<Cents> {
        self.quote
            .map(|quote| usd_value_at_receipt(quote.sats, quote.price))
    }

    /// The bitcoin sent, in dollars at the quote's price.
    pub fn paid_value(&self) -> Option<Cents> {
        Some(usd_value_at_receipt(self.paid_sats?, self.quote?.price))
    }
}

fn destination_of(destination: &SubmittedDestination) -> PayoutDestination {
    match destination {
        SubmittedDestination::Address(text) => PayoutDestination {
            text: text.clone(),
            lightning: false,
        },
        SubmittedDestination::LnInvoice(text) => PayoutDestination {
            text: text.clone(),
            lightning: true,
        },
    }
}

/// Bech32 addresses and invoices are case-insensitive, and two valid base58 addresses never
/// differ only in case (their checksums would not both hold): a server that echoes in another
/// case names the same destination.
fn same_destination(sent: &str, server: &str) -> bool {
    let strip = |text: &str| {
        let text = text.trim();
        ["bitcoin:", "lightning:"]
            .iter()
            .find_map(|scheme| {
                text.get(..scheme.len())
                    .filter(|head| head.eq_ignore_ascii_case(scheme))
                    .map(|_| &text[scheme.len()..])
            })
            .unwrap_or(text)
            .to_string()
    };
    strip(sent).eq_ignore_ascii_case(&strip(server))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cardcoins_vault::RecordedDestination;

    const SENT: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

    fn details(data: &str) -> OrderDetails {
        let body = format!(r#"{{"message":"","data":{data}}}"#);
        cardcoins_api::responses::order(200, body.as_bytes(), None).expect("order details")
    }

    fn record() -> OrderRecord {
        let created = OffsetDateTime::from_unix_timestamp(1_800_000_000).expect("time");
        let mut record = OrderRecord::new("h".into(), Cents::new(10_017), created);
        record.quote = Some(RecordedQuote {
            sats: Sats::new(152_490),
            price: Cents::new(6_569_000),
            at: created,
        });
        record.destination = Some(RecordedDestination {
            text: SENT.into(),
            lightning: false,
            at: created,
        });
        record
    }

    /// Only what the reference documents: status, amount, price, sats.
    const REFERENCE_APPROVED: &str = r#"{"status":"approved","order":{"base_currency_amount":10017,
        "currency_price_usd":6569000,"currency_amount":152490,"created_at":"2027-01-15T08:00:00Z"}}"#;

    #[test]
    fn an_approval_from_the_reference_alone_names_amount_destination_and_dollars() {
        let facts = OrderFacts::new(&record(), Some(&details(REFERENCE_APPROVED)));
        assert!(facts.approved);
        assert_eq!(facts.paid_sats, Some(Sats::new(152_490)));
        assert_eq!(
            facts.destination.as_ref().map(|d| d.text.as_str()),
            Some(SENT)
        );
        assert_eq!(facts.server_destination_differs, None);
        // 152,490 sats at $65,690.00 are $100.17 (half up).
        assert_eq!(facts.paid_value(), Some(Cents::new(10_017)));
        assert_eq!(
            facts.quoted_first, None,
            "the server's quote is the one shown"
        );
    }

    #[test]
    fn without_the_server_the_record_still_answers() {
        let facts = OrderFacts::new(&record(), None);
        assert_eq!(facts.card_value, Cents::new(10_017));
        assert_eq!(facts.quote.map(|q| q.sats), Some(Sats::new(152_490)));
        assert_eq!(facts.destination.map(|d| d.text), Some(SENT.to_string()));
        assert_eq!(facts.paid_sats, None, "not approved: nothing is paid yet");
    }

    #[test]
    fn a_different_destination_from_the_server_is_flagged() {
        let other = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
        let data = REFERENCE_APPROVED.replace(
            r#""status":"approved","#,
            &format!(r#""status":"approved","payout":{{"address":"{other}","txid":"ab12"}},"#),
        );
        let facts = OrderFacts::new(&record(), Some(&details(&data)));
        assert_eq!(facts.server_destination_differs.as_deref(), Some(other));
        assert_eq!(
            facts.destination.map(|d| d.text),
            Some(SENT.to_string()),
            "what the seller sent stays the destination shown"
        );
        assert_eq!(facts.payout_ref, Some(PayoutRef::Txid("ab12".into())));
    }

    #[test]
    fn the_same_destination_in_capitals_is_not_flagged() {
        let data = REFERENCE_APPROVED.replace(
            r#""status":"approved","#,
            &format!(
                r#""status":"approved","address":"bitcoin:{}","#,
                SENT.to_uppercase()
            ),
        );
        let facts = OrderFacts::new(&record(), Some(&details(&data)));
        assert_eq!(facts.server_destination_differs, None);
    }

    #[test]
    fn a_moved_price_keeps_the_first_quote_beside_the_new_one() {
        let data = REFERENCE_APPROVED
            .replace("152490", "150000")
            .replace("6569000", "6678000");
        let facts = OrderFacts::new(&record(), Some(&details(&data)));
        assert_eq!(facts.quote.map(|q| q.sats), Some(Sats::new(150_000)));
        assert_eq!(facts.quoted_first.map(|q| q.sats), Some(Sats::new(152_490)));
        assert_eq!(facts.paid_sats, Some(Sats::new(150_000)));
    }
}

//! What the frontend is shown of an order. Never the order ID: only the vault's handle.

use cardcoins_api::{OrderDetails, Progress};
use cardcoins_core::{quote_sats, Cents, ImageSlot, Sats};
use cardcoins_records::{usd_value_at_receipt, OrderFacts, PayoutDestination, PayoutRef};
use cardcoins_vault::{OrderRecord, RecordedQuote, StatusEntry};
use serde::Serialize;
use specta::Type;

pub use cardcoins_core::FlowStep;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OrderSummary {
    pub handle: String,
    pub amount_cents: u64,
    pub amount_text: String,
    /// RFC 3339.
    pub created_at: String,
    pub status: String,
    pub status_label: String,
    pub step: FlowStep,
    /// Every change of status the app saw, oldest first.
    pub history: Vec<StatusEntryView>,
    /// The order can no longer change: History offers to view it, not to continue it.
    pub is_final: bool,
    /// What the order pays, as last known here.
    pub quote: Option<OrderQuoteView>,
}

/// One change of status in an order's timeline.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusEntryView {
    /// The API's status string.
    pub status: String,
    pub status_label: String,
    /// When the app saw the change, RFC 3339.
    pub at: String,
    /// What CardCoins said with it (a rejection's feedback), without the order ID.
    pub message: Option<String>,
}

impl From<&StatusEntry> for StatusEntryView {
    fn from(entry: &StatusEntry) -> StatusEntryView {
        StatusEntryView {
            status: entry.status.as_str().to_string(),
            status_label: entry.status.label(),
            at: rfc3339(entry.at),
            message: entry.message.as_deref().map(ImageSlot::in_sellers_words),
        }
    }
}

pub fn history_view(history: &[StatusEntry]) -> Vec<StatusEntryView> {
    history.iter().map(StatusEntryView::from).collect()
}

impl From<&OrderRecord> for OrderSummary {
    fn from(record: &OrderRecord) -> OrderSummary {
        OrderSummary {
            handle: record.handle.clone(),
            amount_cents: record.amount.get(),
            amount_text: record.amount.to_string(),
            created_at: rfc3339(record.created_at),
            status: record.last_status.as_str().to_string(),
            status_label: record.last_status.label(),
            step: record.step,
            history: history_view(&record.history),
            is_final: record.last_status.is_final(),
            quote: record.current_quote().as_ref().map(OrderQuoteView::new),
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RequiredImageView {
    pub slot: ImageSlot,
    /// CardCoins' own description when it gave one, else the app's (in English).
    pub description: String,
    /// CardCoins' own description, shown as it is; `None` when the app words the slot itself.
    pub server_description: Option<String>,
    pub uploaded: bool,
    /// CardCoins' reasons for turning this photo down.
    pub feedback: Vec<String>,
}

/// The bitcoin sent for an approved order: from the app's record, with what the server adds.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PayoutView {
    pub sats: u64,
    pub sats_text: String,
    /// The sats in dollars at the order's price, when the price is known.
    pub usd_cents: Option<u64>,
    pub usd_text: String,
    pub destination: DestinationText,
    /// The transaction that pays (the watch's, after a replacement), when known.
    pub txid: Option<String>,
    pub payment_hash: Option<String>,
}

/// A destination, whole and shortened in the middle for a sentence ("bc1qar0…f5mdq").
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DestinationText {
    pub text: String,
    pub short: String,
    pub lightning: bool,
}

impl DestinationText {
    pub fn new(destination: &PayoutDestination) -> DestinationText {
        DestinationText {
            text: destination.text.clone(),
            short: shorten_middle(&destination.text),
            lightning: destination.lightning,
        }
    }
}

/// Keeps both ends, which is what people compare when they check an address by eye.
fn shorten_middle(text: &str) -> String {
    const HEAD: usize = 7;
    const TAIL: usize = 5;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= HEAD + TAIL + 3 {
        return text.to_string();
    }
    let head: String = chars[..HEAD].iter().collect();
    let tail: String = chars[chars.len() - TAIL..].iter().collect();
    format!("{head}…{tail}")
}

/// A quote: sats for the card at a price, with its dollar value, and when it held.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OrderQuoteView {
    pub sats: u64,
    pub sats_text: String,
    pub btc_text: String,
    /// The bitcoin's worth at the price: what the seller gets, in dollars.
    pub usd_cents: u64,
    pub usd_text: String,
    /// CardCoins' price per bitcoin, fees included.
    pub price_cents: u64,
    pub price_text: String,
    /// RFC 3339.
    pub at: String,
}

impl OrderQuoteView {
    fn new(quote: &RecordedQuote) -> OrderQuoteView {
        OrderQuoteView {
            sats: quote.sats.get(),
            sats_text: quote.sats.to_string(),
            btc_text: quote.sats.to_btc_string(),
            usd_cents: usd_value_at_receipt(quote.sats, quote.price).get(),
            usd_text: usd_value_at_receipt(quote.sats, quote.price).to_string(),
            price_cents: quote.price.get(),
            price_text: quote.price.to_string(),
            at: rfc3339(quote.at),
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OrderView {
    pub handle: String,
    /// The API's status string.
    pub status: String,
    pub status_label: String,
    pub status_explanation: String,
    pub amount_cents: u64,
    pub amount_text: String,
    pub sats: u64,
    pub sats_text: String,
    pub btc_text: String,
    pub phone_verified: bool,
    /// CardCoins said the payout step needs a first and last name.
    pub name_required: bool,
    /// Where the bitcoin goes, as the seller sent it (the server's echo when this computer did
    /// not send it).
    pub destination: Option<String>,
    pub payout_destination: Option<DestinationText>,
    /// A destination the server names that is not the one sent: it may mean a payout to the
    /// wrong place.
    pub server_destination_differs: Option<String>,
    /// What the order pays now.
    pub quote: Option<OrderQuoteView>,
    /// The quote shown when the order was made, when the price has moved since.
    pub quoted_first: Option<OrderQuoteView>,
    /// The confirmed phone's last digits.
    pub phone_last_digits: Option<String>,
    /// The payout address is this receive address of the seller's wallet (its number).
    pub wallet_address_number: Option<u32>,
    pub required_images: Vec<RequiredImageView>,
    /// CardCoins' reasons for a rejection that name no photo.
    pub general_feedback: Vec<String>,
    /// The photos were turned down (the status says so, or an unknown one comes with reasons).
    pub photos_rejected: bool,
    pub payout: Option<PayoutView>,
    pub step: FlowStep,
    pub is_final: bool,
    /// The vault's status history, oldest first; empty until [`OrderView::with_history`].
    pub history: Vec<StatusEntryView>,
    /// The on-chain payout's watch, once the order is approved and paid to an address.
    pub payout_watch: Option<crate::payout_views::PayoutWatchView>,
    /// What the payout watch said, oldest first.
    pub payout_timeline: Vec<crate::payout_views::PayoutNoteView>,
    /// A Lightning payout CardCoins sent: its payment hash and time.
    pub lightning_paid: Option<crate::payout_views::LightningPaidView>,
}

impl OrderView {
    /// The order as the server sent it, on the base of what this computer kept of it.
    pub fn new(details: &OrderDetails, record: &OrderRecord) -> OrderView {
        let progress = progress_of(record);
        let facts = OrderFacts::new(record, Some(details));
        let payout = facts.approved.then(|| payout_view(&facts)).flatten();
        OrderView {
            handle: record.handle.clone(),
            status: details.status.as_str().to_string(),
            status_label: details.status.label(),
            status_explanation: details.status.explanation().to_string(),
            amount_cents: facts.card_value.get(),
            amount_text: facts.card_value.to_string(),
            sats: details.sats.get(),
            sats_text: details.sats.to_string(),
            btc_text: details.sats.to_btc_string(),
            phone_verified: details.phone_confirmed(&progress),
            name_required: details.name_required == Some(true),
            destination: facts.destination.as_ref().map(|d| d.text.clone()),
            payout_destination: facts.destination.as_ref().map(DestinationText::new),
            server_destination_differs: facts.server_destination_differs.clone(),
            quote: facts.quote.as_ref().map(OrderQuoteView::new),
            quoted_first: facts.quoted_first.as_ref().map(OrderQuoteView::new),
            phone_last_digits: facts.phone_last_digits.clone(),
            wallet_address_number: record.wallet_address.as_ref().map(|given| given.index),
            required_images: details
                .photos_needed(&progress)
                .into_iter()
                .map(|need| RequiredImageView {
                    slot: need.slot,
                    server_description: (need.description != need.slot.description())
                        .then(|| need.description.clone()),
                    description: need.description,
                    uploaded: need.uploaded,
                    feedback: need
                        .feedback
                        .iter()
                        .map(|text| ImageSlot::in_sellers_words(text))
                        .collect(),
                })
                .collect(),
            general_feedback: details
                .general_feedback
                .iter()
                .map(|text| ImageSlot::in_sellers_words(text))
                .collect(),
            photos_rejected: details.photos_rejected(),
            payout,
            step: details.resume_step(&progress),
            is_final: details.status.is_final(),
            history: Vec::new(),
            payout_watch: None,
            payout_timeline: Vec::new(),
            lightning_paid: crate::payout_views::lightning_paid(details, &facts),
        }
    }
}

/// What an approved order sent, and where: never a blank where the money is.
fn payout_view(facts: &OrderFacts) -> Option<PayoutView> {
    let sats = facts.paid_sats?;
    let destination = facts.destination.as_ref()?;
    let (txid, payment_hash) = match &facts.payout_ref {
        Some(PayoutRef::Txid(txid)) => (Some(txid.clone()), None),
        Some(PayoutRef::PaymentHash(hash)) => (None, Some(hash.clone())),
        None => (None, None),
    };
    Some(PayoutView {
        sats: sats.get(),
        sats_text: sats.to_string(),
        usd_cents: facts.paid_value().map(|usd| usd.get()),
        usd_text: facts
            .paid_value()
            .map(|usd| usd.to_string())
            .unwrap_or_default(),
        destination: DestinationText::new(destination),
        txid,
        payment_hash,
    })
}

impl OrderView {
    pub fn with_history(mut self, history: &[StatusEntry]) -> OrderView {
        self.history = history_view(history);
        self
    }
}

/// What this computer remembers of an order, for where the server says nothing.
pub fn progress_of(record: &OrderRecord) -> Progress {
    Progress {
        step: record.step,
        uploaded: record.uploaded.clone(),
        extra_slots: record.extra_slots.clone(),
    }
}

pub fn rfc3339(moment: time::OffsetDateTime) -> String {
    moment
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A quote for an amount at a price, in every form the UI shows.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuoteView {
    pub amount_cents: u64,
    pub amount_text: String,
    pub sats: u64,
    pub sats_text: String,
    pub btc_text: String,
    /// The sats' worth at the price: what the seller gets, in dollars.
    pub usd_cents: u64,
    pub usd_text: String,
    pub price_usd_cents: u64,
    /// CardCoins' price per bitcoin, fees included.
    pub price_text: String,
}

impl QuoteView {
    pub fn new(amount: Cents, price: Cents) -> QuoteView {
        let sats: Sats = quote_sats(amount, price);
        QuoteView {
            amount_cents: amount.get(),
            amount_text: amount.to_string(),
            sats: sats.get(),
            sats_text: sats.to_string(),
            btc_text: sats.to_btc_string(),
            usd_cents: usd_value_at_receipt(sats, price).get(),
            usd_text: usd_value_at_receipt(sats, price).to_string(),
            price_usd_cents: price.get(),
            price_text: price.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_in_the_middle_and_keeps_short_texts_whole() {
        assert_eq!(
            shorten_middle("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
            "bc1qar0…f5mdq"
        );
        assert_eq!(shorten_middle("me@example.com"), "me@example.com");
    }

    #[test]
    fn a_quote_reads_in_dollars_first() {
        let quote = QuoteView::new(Cents::new(10_017), Cents::new(6_569_000));
        assert_eq!(quote.sats_text, "152,488 sats");
        assert_eq!(quote.usd_text, "$100.17");
        assert_eq!(quote.price_text, "$65,690.00");
    }
}

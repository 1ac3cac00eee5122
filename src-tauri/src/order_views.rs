//! What the frontend is shown of an order. Never the order ID: only the vault's handle.

use cardcoins_api::{OrderDetails, Progress, SubmittedDestination};
use cardcoins_core::{quote_sats, Cents, ImageSlot, Sats};
use cardcoins_vault::{OrderRecord, StatusEntry};
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
            message: entry.message.clone(),
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
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RequiredImageView {
    pub slot: ImageSlot,
    /// CardCoins' own description when it gave one, else the app's.
    pub description: String,
    pub uploaded: bool,
    /// CardCoins' reasons for turning this photo down.
    pub feedback: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PayoutView {
    pub sats_text: String,
    pub destination: String,
    pub txid: Option<String>,
    pub payment_hash: Option<String>,
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
    pub destination: Option<String>,
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
    pub fn new(handle: &str, details: &OrderDetails, progress: &Progress) -> OrderView {
        OrderView {
            handle: handle.to_string(),
            status: details.status.as_str().to_string(),
            status_label: details.status.label(),
            status_explanation: details.status.explanation().to_string(),
            amount_cents: details.amount.get(),
            amount_text: details.amount.to_string(),
            sats: details.sats.get(),
            sats_text: details.sats.to_string(),
            btc_text: details.sats.to_btc_string(),
            phone_verified: details.phone_confirmed(progress),
            name_required: details.name_required == Some(true),
            destination: details.destination.as_ref().map(destination_text),
            required_images: details
                .photos_needed(progress)
                .into_iter()
                .map(|need| RequiredImageView {
                    slot: need.slot,
                    description: need.description,
                    uploaded: need.uploaded,
                    feedback: need.feedback,
                })
                .collect(),
            general_feedback: details.general_feedback.clone(),
            photos_rejected: details.photos_rejected(),
            payout: details.payout.as_ref().map(|payout| PayoutView {
                sats_text: payout.sats.unwrap_or(details.sats).to_string(),
                destination: payout
                    .destination
                    .as_ref()
                    .or(details.destination.as_ref())
                    .map(destination_text)
                    .unwrap_or_default(),
                txid: payout.txid.clone(),
                payment_hash: payout.payment_hash.clone(),
            }),
            step: details.resume_step(progress),
            is_final: details.status.is_final(),
            history: Vec::new(),
            payout_watch: None,
            payout_timeline: Vec::new(),
            lightning_paid: crate::payout_views::lightning_paid(details),
        }
    }
}

impl OrderView {
    pub fn with_history(mut self, history: &[StatusEntry]) -> OrderView {
        self.history = history_view(history);
        self
    }
}

fn destination_text(destination: &SubmittedDestination) -> String {
    match destination {
        SubmittedDestination::Address(text) | SubmittedDestination::LnInvoice(text) => text.clone(),
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
        }
    }
}

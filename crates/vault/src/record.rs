//! What the vault remembers about one order, apart from its ID.

use cardcoins_core::{Cents, FlowStep, ImageSlot, OrderStatus};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::status_history::StatusEntry;

/// One order's non-secret details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRecord {
    /// A random local name (UUID v4) for the order; the UI and the data file use only this.
    pub handle: String,
    pub amount: Cents,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub last_status: OrderStatus,
    /// Photos uploaded from this computer (the server's `required_images` has the last word).
    #[serde(default)]
    pub uploaded: Vec<ImageSlot>,
    /// Photos the server asked for only in a refusal (naming them), not in the order it sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_slots: Vec<ImageSlot>,
    pub step: FlowStep,
    /// Every change of status the app saw, oldest first; change it through
    /// [`OrderRecord::note_status`]. Empty in files written before it existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusEntry>,
    /// The on-chain payout's watch, once the app started one (the payout watch setting is on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_watch: Option<cardcoins_payout_watch::PayoutWatch>,
    /// What the payout watch told the person, oldest first; add through
    /// [`OrderRecord::note_payout`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payout_timeline: Vec<crate::payout_notes::PayoutNote>,
    /// Why the payout watch's last poll failed, in words for the person; `None` once it works.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payout_problem: Option<String>,
    /// The quote the seller was shown when the order was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<crate::seller_record::RecordedQuote>,
    /// The latest quote the server's order named (`currency_amount` at `currency_price_usd`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_quote: Option<crate::seller_record::RecordedQuote>,
    /// Where the seller asked for the bitcoin to go, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<crate::seller_record::RecordedDestination>,
    /// The address from the seller's wallet this order holds (set before the payout step is
    /// sent, so a lost answer cannot hand it to another order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wallet_address: Option<crate::seller_record::WalletAddress>,
    /// A first and last name went with the payout step. The names themselves are never kept.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub names_given: bool,
    /// The confirmed phone's last digits, to recognise it by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_last_digits: Option<String>,
    /// When each photo was uploaded from here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos_sent: Vec<crate::seller_record::PhotoSent>,
    /// Only with [`crate::KeyStore::PlainFileWithConsent`]: the ID itself, in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) plain_order_id: Option<String>,
}

impl OrderRecord {
    /// A new order's record, at its first step, with nothing done yet.
    pub fn new(handle: String, amount: Cents, created_at: OffsetDateTime) -> OrderRecord {
        OrderRecord {
            handle,
            amount,
            created_at,
            last_status: OrderStatus::Created,
            uploaded: Vec::new(),
            extra_slots: Vec::new(),
            step: FlowStep::Phone,
            history: Vec::new(),
            payout_watch: None,
            payout_timeline: Vec::new(),
            payout_problem: None,
            quote: None,
            server_quote: None,
            destination: None,
            wallet_address: None,
            names_given: false,
            phone_last_digits: None,
            photos_sent: Vec::new(),
            plain_order_id: None,
        }
    }

    pub fn mark_uploaded(&mut self, slot: ImageSlot) {
        if !self.uploaded.contains(&slot) {
            self.uploaded.push(slot);
        }
    }

    pub fn add_extra_slot(&mut self, slot: ImageSlot) {
        if !self.extra_slots.contains(&slot) {
            self.extra_slots.push(slot);
        }
    }
}

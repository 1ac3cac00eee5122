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
    /// Only with [`crate::KeyStore::PlainFileWithConsent`]: the ID itself, in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) plain_order_id: Option<String>,
}

impl OrderRecord {
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

//! One order as the sandbox keeps it (and saves it, with a data folder).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::clock::EpochMillis;
use crate::outbox::Channel;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum OrderStatus {
    Created,
    Authorized,
    Processing,
    Approved,
    Rejected,
}

impl OrderStatus {
    pub fn as_api_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Authorized => "authorized",
            Self::Processing => "processing",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }
}

/// The image types of the reference, spelled as the API spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub(crate) enum ImageSlot {
    Image1,
    Image2,
    GovidImageFront,
    GovidImageBack,
    GovidImageSelfPortrait,
}

impl ImageSlot {
    pub const ALL: [ImageSlot; 5] = [
        Self::Image1,
        Self::Image2,
        Self::GovidImageFront,
        Self::GovidImageBack,
        Self::GovidImageSelfPortrait,
    ];
    pub const CARD: [ImageSlot; 2] = [Self::Image1, Self::Image2];
    pub const GOVERNMENT_ID: [ImageSlot; 3] = [
        Self::GovidImageFront,
        Self::GovidImageBack,
        Self::GovidImageSelfPortrait,
    ];

    pub fn as_api_str(self) -> &'static str {
        match self {
            Self::Image1 => "Image1",
            Self::Image2 => "Image2",
            Self::GovidImageFront => "GovidImageFront",
            Self::GovidImageBack => "GovidImageBack",
            Self::GovidImageSelfPortrait => "GovidImageSelfPortrait",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::Image1 => "The front of the prepaid card, in its packaging if it came in one.",
            Self::Image2 => "The back of the card next to the purchase receipt, both readable.",
            Self::GovidImageFront => "The front of your government-issued photo ID or passport.",
            Self::GovidImageBack => "The back of your government-issued photo ID.",
            Self::GovidImageSelfPortrait => "A photo of your face while holding the same ID.",
        }
    }
}

impl fmt::Display for ImageSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_api_str())
    }
}

impl FromStr for ImageSlot {
    type Err = ();

    /// Exact spelling only, like the reference lists them.
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL
            .into_iter()
            .find(|slot| slot.as_api_str() == s)
            .ok_or(())
    }
}

/// Where the bitcoin goes; serialised as `{"address": ..}` or `{"ln_invoice": ..}`, as in Get.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Destination {
    Address(String),
    LnInvoice(String),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PendingCode {
    pub code: String,
    pub phone: String,
    pub channel: Channel,
    pub sent_at: EpochMillis,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Upload {
    pub key: String,
    pub size: u64,
    pub etag: String,
    pub uploaded_at: EpochMillis,
    /// JPEG or PNG signature at the start of the file: the review looks at this.
    pub looks_like_image: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ImageFeedback {
    pub slot: ImageSlot,
    pub feedback: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Rejection {
    pub at: EpochMillis,
    pub feedback: Vec<ImageFeedback>,
}

impl Rejection {
    /// Whether `upload` came after this decision, so replaces a photo it flagged. One dated the
    /// decision's own millisecond did: the store settles decisions before it records an upload,
    /// and a clock that stands still (tests) dates both the same.
    pub fn replaced_by(&self, upload: &Upload) -> bool {
        upload.uploaded_at >= self.at
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Payout {
    pub sats: u64,
    pub destination: Destination,
    /// A txid for an on-chain address, a payment hash for lightning: 64 hex digits either way.
    pub reference: String,
    pub sent_at: EpochMillis,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Order {
    pub amount_cents: u64,
    pub created_at: EpochMillis,
    pub status: OrderStatus,
    pub phone: Option<String>,
    pub phone_verified: bool,
    pub destination: Option<Destination>,
    pub pending_code: Option<PendingCode>,
    pub wrong_codes: u32,
    /// Payment submissions refused so far. Not saved: like the rate-limit counters, a restart
    /// forgives them, and the saved state keeps its shape.
    #[serde(skip)]
    pub refused_payments: u32,
    pub required_images: Vec<ImageSlot>,
    pub uploads: BTreeMap<ImageSlot, Upload>,
    /// The BTC price is fixed when verify is first called; before that the order follows the ticker.
    pub locked_price_usd_cents: Option<u64>,
    pub verify_requested_at: Option<EpochMillis>,
    pub rejections: u32,
    pub last_rejection: Option<Rejection>,
    pub payout: Option<Payout>,
}

impl Order {
    pub fn new(amount_cents: u64, created_at: EpochMillis) -> Self {
        Self {
            amount_cents,
            created_at,
            status: OrderStatus::Created,
            phone: None,
            phone_verified: false,
            destination: None,
            pending_code: None,
            wrong_codes: 0,
            refused_payments: 0,
            required_images: Vec::new(),
            uploads: BTreeMap::new(),
            locked_price_usd_cents: None,
            verify_requested_at: None,
            rejections: 0,
            last_rejection: None,
            payout: None,
        }
    }

    pub fn missing_images(&self) -> Vec<ImageSlot> {
        self.required_images
            .iter()
            .copied()
            .filter(|slot| !self.uploads.contains_key(slot))
            .collect()
    }
}

/// Sats bought for `amount_cents` at `price_usd_cents` per BTC, rounded down.
pub(crate) fn quote_sats(amount_cents: u64, price_usd_cents: u64) -> u64 {
    if price_usd_cents == 0 {
        return 0;
    }
    let sats = u128::from(amount_cents) * 100_000_000 / u128::from(price_usd_cents);
    u64::try_from(sats).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_matches_the_reference_example() {
        assert_eq!(quote_sats(5500, 6_585_000), 83_523);
        assert_eq!(quote_sats(5500, 0), 0);
    }

    #[test]
    fn slots_parse_exactly() {
        assert_eq!("GovidImageBack".parse(), Ok(ImageSlot::GovidImageBack));
        assert!("image1".parse::<ImageSlot>().is_err());
    }
}

//! What the seller should know about a destination that parsed: parts of a link that were
//! ignored, an invoice about to expire. A code and values for the app to word in the seller's
//! language; `Display` is the English the command line prints.

use std::fmt;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DestinationNote {
    /// The link's `amount=` (BTC, as written): CardCoins pays out the card's value.
    AmountIgnored { amount: String },
    /// A unified link without an address: its Lightning invoice is used.
    InvoiceUsedForMissingAddress,
    /// A unified link's Lightning invoice beside an address: the address is used.
    InvoiceIgnored,
    /// Other parameters of the link (their keys).
    OtherIgnored { keys: Vec<String> },
    /// The invoice expires this soon.
    InvoiceExpiresSoon { left: Duration },
}

impl DestinationNote {
    /// A stable name for the note (`amount_ignored`, `invoice_expires_soon`, ...).
    pub fn code(&self) -> &'static str {
        match self {
            DestinationNote::AmountIgnored { .. } => "amount_ignored",
            DestinationNote::InvoiceUsedForMissingAddress => "invoice_used_for_missing_address",
            DestinationNote::InvoiceIgnored => "invoice_ignored",
            DestinationNote::OtherIgnored { .. } => "other_ignored",
            DestinationNote::InvoiceExpiresSoon { .. } => "invoice_expires_soon",
        }
    }

    /// The values its words take, by name: `amount` (BTC as written), `keys` (joined with ", "),
    /// `minutes` (whole minutes left, at least 1).
    pub fn values(&self) -> Vec<(&'static str, String)> {
        match self {
            DestinationNote::AmountIgnored { amount } => vec![("amount", amount.clone())],
            DestinationNote::OtherIgnored { keys } => vec![("keys", keys.join(", "))],
            DestinationNote::InvoiceExpiresSoon { left } => {
                vec![("minutes", (left.as_secs() / 60).max(1).to_string())]
            }
            DestinationNote::InvoiceUsedForMissingAddress | DestinationNote::InvoiceIgnored => {
                Vec::new()
            }
        }
    }
}

impl fmt::Display for DestinationNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DestinationNote::AmountIgnored { amount } => write!(
                f,
                "the amount in the link ({amount} BTC) was ignored: CardCoins pays out the card's value"
            ),
            DestinationNote::InvoiceUsedForMissingAddress => f.write_str(
                "the link had no bitcoin address, so its Lightning invoice is used instead",
            ),
            DestinationNote::InvoiceIgnored => f.write_str(
                "the Lightning invoice in the link was ignored: the bitcoin address is used",
            ),
            DestinationNote::OtherIgnored { keys } => write!(
                f,
                "other details in the link were ignored ({})",
                keys.join(", ")
            ),
            DestinationNote::InvoiceExpiresSoon { left } => write!(
                f,
                "this invoice expires in {}: submit it now, or create one that lasts longer",
                super::bolt11::duration_text(*left)
            ),
        }
    }
}

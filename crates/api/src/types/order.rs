use cardcoins_core::{Cents, ImageSlot, OrderId, OrderStatus, Sats};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::timestamp;
use crate::error::ApiError;

/// An order as Get Existing Order describes it, with the optional extras of
/// docs/api-choices.md when the server sends them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderDetails {
    pub status: OrderStatus,
    /// The gift card's value in US cents.
    pub amount: Cents,
    /// What the seller receives, in satoshis, at `price_usd`.
    pub sats: Sats,
    /// The price of one bitcoin the order was quoted at, in cents.
    pub price_usd: Cents,
    #[serde(serialize_with = "time::serde::rfc3339::option::serialize")]
    pub created_at: Option<OffsetDateTime>,
    /// When the quote's price was last updated.
    #[serde(serialize_with = "time::serde::rfc3339::option::serialize")]
    pub quote_updated_at: Option<OffsetDateTime>,
    /// The phone step is done. Taken from the server when it says; otherwise inferred from the
    /// status (every status past `created` needs a verified phone).
    pub phone_verified: bool,
    /// The payment step must include a first and last name.
    pub name_required: bool,
    /// The address or invoice the server holds for the payout.
    pub destination: Option<SubmittedDestination>,
    /// The photos the server wants (from `authorized` on).
    pub required_images: Vec<RequiredImage>,
    /// Why photos were rejected (when `rejected`).
    pub image_feedback: Vec<ImageFeedback>,
    /// The payout, once sent (when `approved`).
    pub payout: Option<Payout>,
}

/// A payout destination as the server echoes it back: text, not re-validated (an invoice that
/// has since expired must still be shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmittedDestination {
    Address(String),
    LnInvoice(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequiredImage {
    pub slot: ImageSlot,
    pub description: String,
    pub uploaded: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageFeedback {
    pub slot: ImageSlot,
    pub feedback: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Payout {
    pub sats: Option<Sats>,
    pub destination: Option<SubmittedDestination>,
    /// The on-chain transaction, for an address payout.
    pub txid: Option<String>,
    /// The Lightning payment hash, for an invoice payout.
    pub payment_hash: Option<String>,
    #[serde(serialize_with = "time::serde::rfc3339::option::serialize")]
    pub sent_at: Option<OffsetDateTime>,
}

impl OrderDetails {
    /// Photos still to upload, in the order the server listed them.
    pub fn missing_images(&self) -> impl Iterator<Item = &RequiredImage> {
        self.required_images.iter().filter(|image| !image.uploaded)
    }
}

#[derive(Deserialize)]
pub(crate) struct CreatedOrderWire {
    pub order_id: String,
}

impl CreatedOrderWire {
    pub(crate) fn into_order_id(self) -> Result<OrderId, ApiError> {
        // The parse error would describe the value; the value is a secret, so say less.
        OrderId::parse(&self.order_id).map_err(|_| ApiError::Decode {
            detail: "the new order's ID was not in the expected form".to_string(),
        })
    }
}

#[derive(Deserialize)]
pub(crate) struct OrderDataWire {
    status: OrderStatus,
    order: OrderWire,
    #[serde(default)]
    ticker: Option<QuoteWire>,
    #[serde(default)]
    phone_verified: Option<bool>,
    #[serde(default)]
    name_required: Option<bool>,
    #[serde(default)]
    destination: Option<DestinationWire>,
    #[serde(default)]
    required_images: Option<Vec<RequiredImageWire>>,
    #[serde(default)]
    image_feedback: Option<Vec<ImageFeedbackWire>>,
    #[serde(default)]
    payout: Option<PayoutWire>,
}

#[derive(Deserialize)]
struct OrderWire {
    base_currency_amount: Cents,
    currency_amount: Sats,
    currency_price_usd: Cents,
    #[serde(default, deserialize_with = "timestamp::lenient")]
    created_at: Option<OffsetDateTime>,
}

#[derive(Deserialize)]
struct QuoteWire {
    #[serde(default, deserialize_with = "timestamp::lenient")]
    last_updated_at: Option<OffsetDateTime>,
}

#[derive(Deserialize)]
struct DestinationWire {
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    ln_invoice: Option<String>,
}

#[derive(Deserialize)]
struct RequiredImageWire {
    image_type: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    uploaded: Option<bool>,
}

#[derive(Deserialize)]
struct ImageFeedbackWire {
    image_type: String,
    #[serde(default)]
    feedback: Option<String>,
}

#[derive(Deserialize)]
struct PayoutWire {
    #[serde(default)]
    currency_amount: Option<Sats>,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    ln_invoice: Option<String>,
    #[serde(default)]
    txid: Option<String>,
    #[serde(default)]
    payment_hash: Option<String>,
    #[serde(default, deserialize_with = "timestamp::lenient")]
    sent_at: Option<OffsetDateTime>,
}

impl From<OrderDataWire> for OrderDetails {
    fn from(wire: OrderDataWire) -> OrderDetails {
        let phone_verified = wire.phone_verified.unwrap_or(matches!(
            wire.status,
            OrderStatus::Authorized
                | OrderStatus::Processing
                | OrderStatus::Approved
                | OrderStatus::Completed
                | OrderStatus::Rejected
        ));
        let required_images = wire
            .required_images
            .unwrap_or_default()
            .into_iter()
            .filter_map(|image| {
                let slot = known_slot(&image.image_type)?;
                Some(RequiredImage {
                    slot,
                    description: image
                        .description
                        .filter(|text| !text.trim().is_empty())
                        .unwrap_or_else(|| slot.description().to_string()),
                    uploaded: image.uploaded.unwrap_or(false),
                })
            })
            .collect();
        let image_feedback = wire
            .image_feedback
            .unwrap_or_default()
            .into_iter()
            .filter_map(|item| {
                Some(ImageFeedback {
                    slot: known_slot(&item.image_type)?,
                    feedback: item.feedback.unwrap_or_default(),
                })
            })
            .collect();
        OrderDetails {
            status: wire.status,
            amount: wire.order.base_currency_amount,
            sats: wire.order.currency_amount,
            price_usd: wire.order.currency_price_usd,
            created_at: wire.order.created_at,
            quote_updated_at: wire.ticker.and_then(|quote| quote.last_updated_at),
            phone_verified,
            name_required: wire.name_required.unwrap_or(false),
            destination: wire
                .destination
                .and_then(|echo| submitted(echo.address, echo.ln_invoice)),
            required_images,
            image_feedback,
            payout: wire.payout.map(|payout| Payout {
                sats: payout.currency_amount,
                destination: submitted(payout.address, payout.ln_invoice),
                txid: payout.txid,
                payment_hash: payout.payment_hash,
                sent_at: payout.sent_at,
            }),
        }
    }
}

fn submitted(address: Option<String>, ln_invoice: Option<String>) -> Option<SubmittedDestination> {
    match (address, ln_invoice) {
        (Some(address), _) if !address.is_empty() => Some(SubmittedDestination::Address(address)),
        (_, Some(invoice)) if !invoice.is_empty() => Some(SubmittedDestination::LnInvoice(invoice)),
        _ => None,
    }
}

/// The reference names five slots; one this client does not know cannot be uploaded by it, so it
/// is left out (and logged) rather than failing the whole order.
fn known_slot(raw: &str) -> Option<ImageSlot> {
    match raw.parse::<ImageSlot>() {
        Ok(slot) => Some(slot),
        Err(_) => {
            tracing::warn!(
                image_type = raw,
                "ignoring an image slot this app does not know"
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> OrderDetails {
        serde_json::from_str::<OrderDataWire>(json)
            .expect("order data")
            .into()
    }

    #[test]
    fn reads_the_reference_example() {
        let order = parse(
            r#"{"status":"created","order":{"currency_symbol":"BTC","base_currency":"USD",
            "base_currency_amount":5500,"created_at":"2021-04-28T23:51:44.415Z","currency":"bitcoin",
            "currency_price_usd":6585000,"currency_amount":83523},
            "ticker":{"last_updated_at":"2021-04-28T23:51:51.738Z","update_frequency":60000}}"#,
        );
        assert_eq!(order.status, OrderStatus::Created);
        assert_eq!(order.amount, Cents::new(5500));
        assert_eq!(order.sats, Sats::new(83_523));
        assert_eq!(order.price_usd, Cents::new(6_585_000));
        assert!(order.created_at.is_some());
        assert!(order.quote_updated_at.is_some());
        assert!(!order.phone_verified);
        assert!(!order.name_required);
        assert!(order.required_images.is_empty());
        assert_eq!(order.payout, None);
    }

    #[test]
    fn reads_the_extras_and_skips_unknown_slots() {
        let order = parse(
            r#"{"status":"rejected","order":{"base_currency_amount":5513,"currency_price_usd":6585000,
            "currency_amount":83720,"created_at":null},
            "phone_verified":true,"name_required":true,"destination":{"ln_invoice":"lnbc1xyz"},
            "required_images":[{"image_type":"Image1","description":"Front","uploaded":true},
                               {"image_type":"Image2","description":"","uploaded":false},
                               {"image_type":"Image9","description":"?","uploaded":false}],
            "image_feedback":[{"image_type":"Image2","feedback":"Blurry"}],
            "surprise":{"nested":[1,2]}}"#,
        );
        assert_eq!(order.status, OrderStatus::Rejected);
        assert!(order.name_required);
        assert_eq!(
            order.destination,
            Some(SubmittedDestination::LnInvoice("lnbc1xyz".into()))
        );
        assert_eq!(order.required_images.len(), 2);
        assert_eq!(
            order.required_images[1].description,
            ImageSlot::Image2.description()
        );
        assert_eq!(
            order
                .missing_images()
                .map(|image| image.slot)
                .collect::<Vec<_>>(),
            vec![ImageSlot::Image2]
        );
        assert_eq!(order.image_feedback[0].feedback, "Blurry");
    }

    #[test]
    fn unknown_status_and_inferred_phone() {
        let order = parse(
            r#"{"status":"on_hold","order":{"base_currency_amount":1,"currency_price_usd":1,"currency_amount":1}}"#,
        );
        assert!(matches!(order.status, OrderStatus::Unknown(ref s) if s == "on_hold"));
        assert!(!order.phone_verified);
        let order = parse(
            r#"{"status":"approved","order":{"base_currency_amount":1,"currency_price_usd":1,"currency_amount":1},
            "payout":{"currency_amount":83523,"address":"bc1qxyz","txid":"ab12","sent_at":"2021-04-29T00:00:00Z"}}"#,
        );
        assert!(order.phone_verified);
        let payout = order.payout.expect("payout");
        assert_eq!(payout.sats, Some(Sats::new(83_523)));
        assert_eq!(payout.txid.as_deref(), Some("ab12"));
        assert_eq!(
            payout.destination,
            Some(SubmittedDestination::Address("bc1qxyz".into()))
        );
    }
}

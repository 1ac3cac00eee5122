use cardcoins_core::{Cents, ImageSlot, OrderId, OrderStatus, Sats};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use serde_json::{Map, Value};

use super::extras::{clean, Extras};
use super::timestamp;
use crate::envelope::scrub;
use crate::error::ApiError;

/// An order as Get Existing Order describes it. The documented fields are read strictly; the
/// rest is whatever of docs/api-choices.md the server turned out to send, read tolerantly.
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
    /// Whether the phone step is done, when the server says.
    pub phone_verified: Option<bool>,
    /// Whether the payment step must include a first and last name, when the server says.
    pub name_required: Option<bool>,
    /// The address or invoice the server holds for the payout, when it echoes it.
    pub destination: Option<SubmittedDestination>,
    /// The photos the order needs. The server's list when it gives one this client can read;
    /// otherwise, from `authorized` on, the card's two sides (the reference's Image1 and Image2)
    /// with this app's descriptions.
    pub required_images: Vec<RequiredImage>,
    /// Whether `required_images` is the server's own list.
    pub images_listed_by_server: bool,
    /// Why photos were rejected, photo by photo.
    pub image_feedback: Vec<ImageFeedback>,
    /// Why photos were rejected, where the server names no photo.
    pub general_feedback: Vec<String>,
    /// The payout, once sent, as far as the server describes it.
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

impl SubmittedDestination {
    fn text_mut(&mut self) -> &mut String {
        match self {
            SubmittedDestination::Address(text) | SubmittedDestination::LnInvoice(text) => text,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequiredImage {
    pub slot: ImageSlot,
    /// The server's description of what to photograph, or this app's when it gave none.
    pub description: String,
    /// Whether the server says this photo is uploaded; `None` when it does not say.
    pub uploaded: Option<bool>,
}

impl RequiredImage {
    /// A slot described in this app's words, upload state unknown.
    pub(crate) fn ours(slot: ImageSlot) -> RequiredImage {
        RequiredImage {
            slot,
            description: slot.description().to_string(),
            uploaded: None,
        }
    }

    pub(crate) fn describe(&mut self, text: &str) {
        if let Some(text) = clean(text) {
            self.description = text;
        }
    }
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
    /// Whether the photos were turned down: the status says so, or a status this client does
    /// not know comes with feedback (the reference: a rejected order's Get "will include
    /// specific feedback").
    pub fn photos_rejected(&self) -> bool {
        match self.status {
            OrderStatus::Rejected => true,
            OrderStatus::Unknown(_) => {
                !self.image_feedback.is_empty() || !self.general_feedback.is_empty()
            }
            _ => false,
        }
    }

    /// Every text the server gave about a rejection, photo by photo first.
    pub fn all_feedback(&self) -> impl Iterator<Item = &str> {
        self.image_feedback
            .iter()
            .map(|item| item.feedback.as_str())
            .chain(self.general_feedback.iter().map(String::as_str))
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

/// Get Existing Order's `data`: the documented fields typed, everything else kept as JSON.
#[derive(Deserialize)]
pub(crate) struct OrderDataWire {
    status: OrderStatus,
    order: OrderWire,
    #[serde(default)]
    ticker: Option<QuoteWire>,
    #[serde(flatten)]
    extras: Map<String, Value>,
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

/// Statuses from which the reference says an order has its list of required images.
fn photos_stage(status: &OrderStatus) -> bool {
    !matches!(status, OrderStatus::Created | OrderStatus::Gone)
}

impl OrderDataWire {
    /// The order as the app uses it. Texts the server wrote are scrubbed of the order ID: a
    /// server may quote it anywhere, and these texts are shown and logged.
    pub(crate) fn into_details(self, order: Option<&OrderId>) -> OrderDetails {
        let extras = Extras(&self.extras);
        let listed = extras.required_images();
        let images_listed_by_server = listed.is_some();
        let mut required_images = listed.unwrap_or_else(|| {
            if photos_stage(&self.status) {
                vec![
                    RequiredImage::ours(ImageSlot::Image1),
                    RequiredImage::ours(ImageSlot::Image2),
                ]
            } else {
                Vec::new()
            }
        });
        let (mut image_feedback, mut general_feedback) = extras.feedback();
        let mut payout = extras.payout();
        let scrub_text = |text: &mut String| *text = scrub(std::mem::take(text), order);
        required_images
            .iter_mut()
            .for_each(|image| scrub_text(&mut image.description));
        image_feedback
            .iter_mut()
            .for_each(|item| scrub_text(&mut item.feedback));
        general_feedback.iter_mut().for_each(scrub_text);
        let mut destination = extras.destination();
        if let Some(payout) = payout.as_mut() {
            for text in [payout.txid.as_mut(), payout.payment_hash.as_mut()]
                .into_iter()
                .flatten()
            {
                scrub_text(text);
            }
            if let Some(echo) = payout.destination.as_mut() {
                scrub_text(echo.text_mut());
            }
        }
        if let Some(echo) = destination.as_mut() {
            scrub_text(echo.text_mut());
        }
        // A status word this client does not know is shown as it came.
        let status = match self.status {
            OrderStatus::Unknown(raw) => OrderStatus::Unknown(scrub(raw, order)),
            known => known,
        };
        OrderDetails {
            status,
            amount: self.order.base_currency_amount,
            sats: self.order.currency_amount,
            price_usd: self.order.currency_price_usd,
            created_at: self.order.created_at,
            quote_updated_at: self.ticker.and_then(|quote| quote.last_updated_at),
            phone_verified: extras.phone_verified(),
            name_required: extras.name_required(),
            destination,
            required_images,
            images_listed_by_server,
            image_feedback,
            general_feedback,
            payout,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> OrderDetails {
        serde_json::from_str::<OrderDataWire>(json)
            .expect("order data")
            .into_details(None)
    }

    /// A documented order around undocumented `extras` (a JSON object's inside, without braces).
    fn with_extras(status: &str, extras: &str) -> OrderDetails {
        let comma = if extras.is_empty() { "" } else { "," };
        parse(&format!(
            r#"{{"status":"{status}","order":{{"base_currency_amount":5500,"currency_price_usd":6585000,
            "currency_amount":83523}}{comma}{extras}}}"#
        ))
    }

    fn slots(order: &OrderDetails) -> Vec<ImageSlot> {
        order
            .required_images
            .iter()
            .map(|image| image.slot)
            .collect()
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
        assert_eq!(order.phone_verified, None);
        assert_eq!(order.name_required, None);
        assert!(order.required_images.is_empty());
        assert_eq!(order.payout, None);
    }

    #[test]
    fn documented_fields_stay_strict() {
        for broken in [
            r#"{"order":{"base_currency_amount":1,"currency_price_usd":1,"currency_amount":1}}"#,
            r#"{"status":"created","order":{"base_currency_amount":"1","currency_price_usd":1,"currency_amount":1}}"#,
            r#"{"status":"created","order":{"base_currency_amount":1.5,"currency_price_usd":1,"currency_amount":1}}"#,
            r#"{"status":"created"}"#,
            r#"{"status":7,"order":{"base_currency_amount":1,"currency_price_usd":1,"currency_amount":1}}"#,
        ] {
            assert!(
                serde_json::from_str::<OrderDataWire>(broken).is_err(),
                "{broken}"
            );
        }
    }

    #[test]
    fn without_a_readable_list_the_cards_two_sides_are_needed() {
        let order = with_extras("authorized", "");
        assert_eq!(slots(&order), vec![ImageSlot::Image1, ImageSlot::Image2]);
        assert!(!order.images_listed_by_server);
        assert_eq!(
            order.required_images[0].description,
            ImageSlot::Image1.description()
        );
        assert_eq!(order.required_images[0].uploaded, None);
        for unreadable in [
            r#""required_images":42"#,
            r#""required_images":[]"#,
            r#""required_images":{}"#,
            r#""required_images":[7,null,{"nothing":"here"}]"#,
            r#""required_images":"nothing named""#,
            r#""required_images":true"#,
        ] {
            let order = with_extras("authorized", unreadable);
            assert_eq!(
                slots(&order),
                vec![ImageSlot::Image1, ImageSlot::Image2],
                "{unreadable}"
            );
        }
        assert!(with_extras("created", "").required_images.is_empty());
    }

    #[test]
    fn required_images_in_every_expected_shape() {
        let objects = with_extras(
            "authorized",
            r#""required_images":[{"image_type":"Image1","description":"Front","uploaded":true},
                {"type":"GovidImageFront","label":"Your ID"},{"image_type":"Image9","description":"?"}]"#,
        );
        assert_eq!(
            slots(&objects),
            vec![ImageSlot::Image1, ImageSlot::GovidImageFront]
        );
        assert_eq!(objects.required_images[0].description, "Front");
        assert_eq!(objects.required_images[0].uploaded, Some(true));
        assert_eq!(objects.required_images[1].description, "Your ID");
        assert!(objects.images_listed_by_server);

        let strings = with_extras(
            "authorized",
            r#""required_images":["Image2","image1","Image2"]"#,
        );
        assert_eq!(slots(&strings), vec![ImageSlot::Image2, ImageSlot::Image1]);

        let map = with_extras(
            "authorized",
            r#""required_images":{"Image1":"The front, with the card number","GovidImageBack":{"description":"ID back"},"Nope":"x"}"#,
        );
        assert_eq!(
            slots(&map),
            vec![ImageSlot::Image1, ImageSlot::GovidImageBack]
        );
        assert_eq!(
            map.required_images[0].description,
            "The front, with the card number"
        );
        assert_eq!(map.required_images[1].description, "ID back");

        let single = with_extras(
            "authorized",
            r#""required_images":"Image1, Image2 and GovidImageSelfPortrait""#,
        );
        assert_eq!(
            slots(&single),
            vec![
                ImageSlot::Image1,
                ImageSlot::Image2,
                ImageSlot::GovidImageSelfPortrait
            ]
        );
    }

    #[test]
    fn feedback_in_every_expected_shape() {
        let objects = with_extras(
            "rejected",
            r#""image_feedback":[{"image_type":"Image2","feedback":"Blurry"},{"reason":"Card looks used"}]"#,
        );
        assert_eq!(
            objects.image_feedback,
            vec![ImageFeedback {
                slot: ImageSlot::Image2,
                feedback: "Blurry".into()
            }]
        );
        assert_eq!(
            objects.general_feedback,
            vec!["Card looks used".to_string()]
        );

        let map = with_extras(
            "rejected",
            r#""image_feedback":{"Image1":"Too dark","Other":"Call us"}"#,
        );
        assert_eq!(map.image_feedback[0].slot, ImageSlot::Image1);
        assert_eq!(map.general_feedback, vec!["Call us".to_string()]);

        let strings = with_extras("rejected", r#""image_feedback":["One","  ","Two"]"#);
        assert_eq!(
            strings.general_feedback,
            vec!["One".to_string(), "Two".to_string()]
        );

        let single = with_extras("declined", r#""rejection_reason":"Not readable.\u0007""#);
        assert_eq!(single.general_feedback, vec!["Not readable.".to_string()]);
        assert!(
            single.photos_rejected(),
            "an unknown status with feedback is a rejection"
        );
        assert!(!with_extras("in_review", "").photos_rejected());

        let odd = with_extras("rejected", r#""image_feedback":12"#);
        assert!(odd.image_feedback.is_empty() && odd.general_feedback.is_empty());
        assert!(odd.photos_rejected());
    }

    #[test]
    fn other_extras_read_leniently() {
        let order = with_extras(
            "completed",
            r#""phone":{"number":"+1","confirmed":true},"name_required":"false",
            "destination":"lnbc1xyz","payout":{"amount_sats":83523,"tx_id":"ab12","sent_at":"2021-04-29T00:00:00Z"},
            "surprise":{"nested":[1,2]}"#,
        );
        assert_eq!(order.phone_verified, Some(true));
        assert_eq!(order.name_required, Some(false));
        assert_eq!(
            order.destination,
            Some(SubmittedDestination::LnInvoice("lnbc1xyz".into()))
        );
        let payout = order.payout.expect("payout");
        assert_eq!(payout.sats, Some(Sats::new(83_523)));
        assert_eq!(payout.txid.as_deref(), Some("ab12"));
        assert!(payout.sent_at.is_some());

        let odd = with_extras(
            "approved",
            r#""phone_verified":"maybe","name_required":[1],"destination":5,"payout":"sent""#,
        );
        assert_eq!(odd.phone_verified, None);
        assert_eq!(odd.name_required, None);
        assert_eq!(odd.destination, None);
        assert_eq!(odd.payout, None);
    }

    #[test]
    fn server_texts_are_scrubbed_of_the_order_id() {
        let id = OrderId::parse("yD1gHCUWjhAbCdEf").expect("id");
        let json = r#"{"status":"yD1gHCUWjhAbCdEf","order":{"base_currency_amount":1,"currency_price_usd":1,"currency_amount":1},
            "required_images":{"Image1":"Order yD1gHCUWjhAbCdEf: front"},
            "image_feedback":{"Image1":"yD1gHCUWjhAbCdEf is blurry"},"rejection_reason":"see yD1gHCUWjhAbCdEf",
            "destination":{"address":"yD1gHCUWjhAbCdEf"},"payout":{"txid":"yD1gHCUWjhAbCdEf"}}"#;
        let order = serde_json::from_str::<OrderDataWire>(json)
            .expect("order data")
            .into_details(Some(&id));
        let shown = format!("{order:?}");
        assert!(!shown.contains(id.expose_secret()), "{shown}");
        assert!(order.required_images[0]
            .description
            .contains(&id.redacted()));
    }
}

//! Everything Get Existing Order may say beyond the reference's documented fields, read as raw
//! JSON and interpreted only where it fits a shape a careful integrator would expect: a list of
//! objects, a list of strings, a map from image type to text, or a single string. Anything else
//! is dropped with a log line; an unforeseen shape never fails reading the order.

use cardcoins_core::{ImageSlot, Sats};
use serde_json::{Map, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::order::{ImageFeedback, Payout, RequiredImage, SubmittedDestination};

/// Texts from the server end up on screen: long ones are cut.
const MAX_TEXT_CHARS: usize = 1000;

/// The undocumented part of an order's `data`.
pub(crate) struct Extras<'a>(pub(crate) &'a Map<String, Value>);

impl Extras<'_> {
    /// The first of `names` that is present and not null.
    fn field(&self, names: &[&str]) -> Option<&Value> {
        names
            .iter()
            .find_map(|name| self.0.get(*name).filter(|value| !value.is_null()))
    }

    pub(crate) fn phone_verified(&self) -> Option<bool> {
        if let Some(value) = self.field(&["phone_verified", "phone_confirmed"]) {
            return flag(value).or_else(|| dropped("phone_verified", value));
        }
        // `"phone": {"verified": true}` and the like.
        let phone = self.field(&["phone"])?.as_object()?;
        ["verified", "confirmed"]
            .iter()
            .find_map(|name| phone.get(*name).and_then(flag))
    }

    pub(crate) fn name_required(&self) -> Option<bool> {
        let value = self.field(&["name_required"])?;
        flag(value).or_else(|| dropped("name_required", value))
    }

    pub(crate) fn destination(&self) -> Option<SubmittedDestination> {
        match self.field(&["destination"]) {
            Some(Value::Object(fields)) => submitted(fields),
            Some(Value::String(text)) => submitted_text(text),
            Some(other) => dropped("destination", other),
            None => submitted(self.0),
        }
    }

    /// The photos the server lists, or `None` when it lists none that this client can read.
    pub(crate) fn required_images(&self) -> Option<Vec<RequiredImage>> {
        let value = self.field(&["required_images"])?;
        let images: Vec<RequiredImage> = match value {
            Value::Array(items) => items.iter().filter_map(required_image_item).collect(),
            // A JSON object has no order of its own: the slots go in the reference's order.
            Value::Object(map) => map
                .iter()
                .filter_map(|(key, value)| {
                    let slot = known_slot(key)?;
                    let mut image = RequiredImage::ours(slot);
                    match value {
                        Value::String(text) => image.describe(text),
                        Value::Object(fields) => describe_from(&mut image, fields),
                        Value::Bool(uploaded) => image.uploaded = Some(*uploaded),
                        _ => {}
                    }
                    Some((slot, image))
                })
                .collect::<std::collections::BTreeMap<_, _>>()
                .into_values()
                .collect(),
            Value::String(text) => ImageSlot::named_in(text)
                .into_iter()
                .map(RequiredImage::ours)
                .collect(),
            other => return dropped("required_images", other),
        };
        let mut unique: Vec<RequiredImage> = Vec::new();
        for image in images {
            if !unique.iter().any(|seen| seen.slot == image.slot) {
                unique.push(image);
            }
        }
        (!unique.is_empty()).then_some(unique)
    }

    /// Why photos were rejected: notes about one photo, and notes about none in particular.
    pub(crate) fn feedback(&self) -> (Vec<ImageFeedback>, Vec<String>) {
        let mut per_photo = Vec::new();
        let mut general = Vec::new();
        let Some(value) = self.field(&["image_feedback", "feedback", "rejection_reason"]) else {
            return (per_photo, general);
        };
        let mut note = |slot: Option<ImageSlot>, text: String| match slot {
            Some(slot) => per_photo.push(ImageFeedback {
                slot,
                feedback: text,
            }),
            None => general.push(text),
        };
        match value {
            Value::Array(items) => {
                for item in items {
                    match item {
                        Value::String(text) => {
                            if let Some(text) = clean(text) {
                                note(None, text);
                            }
                        }
                        Value::Object(fields) => {
                            let slot = slot_in(fields);
                            if let Some(text) = text_in(
                                fields,
                                &["feedback", "reason", "message", "text", "description"],
                            ) {
                                note(slot, text);
                            }
                        }
                        other => {
                            dropped::<()>("an image_feedback item", other);
                        }
                    }
                }
            }
            Value::Object(map) => {
                for (key, value) in map {
                    let text = match value {
                        Value::String(text) => clean(text),
                        Value::Object(fields) => {
                            text_in(fields, &["feedback", "reason", "message", "text"])
                        }
                        _ => None,
                    };
                    if let Some(text) = text {
                        note(known_slot(key), text);
                    }
                }
            }
            Value::String(text) => {
                if let Some(text) = clean(text) {
                    note(None, text);
                }
            }
            other => {
                dropped::<()>("image_feedback", other);
            }
        }
        (per_photo, general)
    }

    pub(crate) fn payout(&self) -> Option<Payout> {
        let fields = match self.field(&["payout"])? {
            Value::Object(fields) => fields,
            other => return dropped("payout", other),
        };
        let sats = ["currency_amount", "amount_sats", "sats"]
            .iter()
            .find_map(|name| fields.get(*name).and_then(Value::as_u64))
            .map(Sats::new);
        let txid = text_in(fields, &["txid", "tx_id", "transaction_id", "tx_hash"]);
        let payment_hash = text_in(fields, &["payment_hash"]);
        let sent_at = text_in(fields, &["sent_at"])
            .and_then(|text| OffsetDateTime::parse(&text, &Rfc3339).ok());
        Some(Payout {
            sats,
            destination: submitted(fields),
            txid,
            payment_hash,
            sent_at,
        })
    }
}

fn required_image_item(item: &Value) -> Option<RequiredImage> {
    match item {
        Value::String(text) => known_slot(text).map(RequiredImage::ours),
        Value::Object(fields) => {
            let slot = slot_in(fields)?;
            let mut image = RequiredImage::ours(slot);
            describe_from(&mut image, fields);
            Some(image)
        }
        other => dropped("a required_images item", other),
    }
}

fn describe_from(image: &mut RequiredImage, fields: &Map<String, Value>) {
    if let Some(text) = text_in(
        fields,
        &["description", "label", "text", "title", "instructions"],
    ) {
        image.describe(&text);
    }
    image.uploaded = ["uploaded", "received"]
        .iter()
        .find_map(|name| fields.get(*name).and_then(flag));
}

/// The image type an object names, under whichever key it uses.
fn slot_in(fields: &Map<String, Value>) -> Option<ImageSlot> {
    ["image_type", "type", "slot", "name", "image"]
        .iter()
        .filter_map(|name| fields.get(*name).and_then(Value::as_str))
        .find_map(|text| text.parse().ok())
}

fn text_in(fields: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names
        .iter()
        .filter_map(|name| fields.get(*name).and_then(Value::as_str))
        .find_map(clean)
}

/// A server text as it may be shown: trimmed, without control characters, cut if long.
pub(crate) fn clean(text: &str) -> Option<String> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_TEXT_CHARS)
        .collect();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// `true`, `"true"`, `1`, and their opposites.
fn flag(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(flag) => Some(*flag),
        Value::Number(number) => number.as_u64().filter(|n| *n <= 1).map(|n| n == 1),
        Value::String(text) if text.trim().eq_ignore_ascii_case("true") => Some(true),
        Value::String(text) if text.trim().eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

fn submitted(fields: &Map<String, Value>) -> Option<SubmittedDestination> {
    if let Some(address) = text_in(fields, &["address"]) {
        return Some(SubmittedDestination::Address(address));
    }
    text_in(fields, &["ln_invoice"]).map(SubmittedDestination::LnInvoice)
}

/// A destination given as bare text: a Lightning invoice or Lightning Address goes in
/// `ln_invoice`, anything else is an address.
fn submitted_text(text: &str) -> Option<SubmittedDestination> {
    let text = clean(text)?;
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("ln") || text.contains('@') {
        Some(SubmittedDestination::LnInvoice(text))
    } else {
        Some(SubmittedDestination::Address(text))
    }
}

/// The reference names five slots; one this client does not know cannot be uploaded by it, so it
/// is left out (and logged) rather than failing the whole order.
fn known_slot(raw: &str) -> Option<ImageSlot> {
    match raw.parse::<ImageSlot>() {
        Ok(slot) => Some(slot),
        Err(_) => {
            // The value itself is not logged: a server may put anything there, the order ID
            // included, and this reader does not know the ID to scrub it.
            tracing::warn!(
                chars = raw.chars().count(),
                "ignoring an image type this app does not know"
            );
            None
        }
    }
}

/// Logs a field whose shape this client cannot interpret, and reads it as absent.
fn dropped<T>(what: &str, value: &Value) -> Option<T> {
    let shape = match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    tracing::warn!("ignoring {what}: CardCoins sent {shape}, which this app does not read");
    None
}

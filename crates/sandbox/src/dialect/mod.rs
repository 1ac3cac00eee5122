//! Dialects: the same order life, answered in differently shaped but plausible ways wherever
//! the API reference is silent (error bodies and wording, the firewall's answer, status words,
//! the extra fields of Get Existing Order). What the reference documents is the same in all.
//! The table of differences is in docs/api-choices.md ("Sandbox dialects").

pub(crate) mod extended;
mod keyed;
mod reference;
mod render;
mod terse;

use std::fmt;
use std::str::FromStr;

use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::ApiError;
use crate::order::{ImageSlot, Order, OrderStatus};
use crate::state::{Ctx, Store};

pub(crate) use render::render_errors;

/// How the sandbox words and shapes what the reference leaves open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// The reference's fields plus the extras of docs/api-choices.md; errors in the envelope
    /// with a helpful message.
    #[default]
    Extended,
    /// Only what the reference documents; error messages are its Errors table, word for word.
    Reference,
    /// Extras as JSON objects keyed by image type, `completed` for approved, errors as
    /// `{"error": {"code", "message"}}`.
    Keyed,
    /// Extras as lists of names and one feedback string, other status words, errors with
    /// `data: null`, a CDN block page for the rate limit.
    Terse,
}

impl Dialect {
    pub const ALL: [Dialect; 4] = [Self::Extended, Self::Reference, Self::Keyed, Self::Terse];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Extended => "extended",
            Self::Reference => "reference",
            Self::Keyed => "keyed",
            Self::Terse => "terse",
        }
    }

    /// The word Get Existing Order shows for a status.
    pub(crate) fn status_word(self, status: OrderStatus) -> &'static str {
        match (self, status) {
            (Self::Keyed, OrderStatus::Approved) => "completed",
            (Self::Terse, OrderStatus::Created) => "pending",
            (Self::Terse, OrderStatus::Processing) => "in_review",
            (Self::Terse, OrderStatus::Rejected) => "declined",
            (_, status) => status.as_api_str(),
        }
    }

    /// Adds this dialect's undocumented fields to the `data` of Get Existing Order.
    pub(crate) fn add_order_extras(
        self,
        data: &mut Map<String, Value>,
        store: &Store,
        order_id: &str,
        ctx: &Ctx<'_>,
    ) {
        let Some(order) = store.orders.get(order_id) else {
            return;
        };
        match self {
            Self::Extended => extended::add_order_extras(data, store, order_id, order, ctx),
            Self::Reference => {}
            Self::Keyed => keyed::add_order_extras(data, order),
            Self::Terse => terse::add_order_extras(data, order),
        }
    }

    pub(crate) fn error_response(self, error: &ApiError) -> Response {
        match self {
            Self::Extended => extended::error_response(error),
            Self::Reference => reference::error_response(error),
            Self::Keyed => keyed::error_response(error),
            Self::Terse => terse::error_response(error),
        }
    }

    /// The `Retry-After` of the `rate_limited` fault.
    pub(crate) fn fault_block_secs(self) -> u64 {
        match self {
            Self::Keyed => 30,
            _ => 60,
        }
    }

    /// Whether phone dispatch only goes to the number already associated with the order (the
    /// reference: "sent to the phone number associated with the order").
    pub(crate) fn dispatch_needs_associated_phone(self) -> bool {
        self == Self::Reference
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A dialect name that is not one of [`Dialect::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown dialect \"{given}\": use one of {}", valid_names())]
pub struct UnknownDialect {
    given: String,
}

fn valid_names() -> String {
    Dialect::ALL
        .iter()
        .map(|dialect| dialect.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for Dialect {
    type Err = UnknownDialect;

    fn from_str(s: &str) -> Result<Self, UnknownDialect> {
        let name = s.trim();
        Self::ALL
            .into_iter()
            .find(|dialect| dialect.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownDialect {
                given: name.to_string(),
            })
    }
}

/// The images the seller still has to upload: those never uploaded, and, after a rejection,
/// those it flagged that no newer photo has replaced.
pub(crate) fn images_to_upload(order: &Order) -> Vec<ImageSlot> {
    let flagged = match (&order.status, &order.last_rejection) {
        (OrderStatus::Rejected, Some(rejection)) => rejection
            .feedback
            .iter()
            .filter(|item| {
                order
                    .uploads
                    .get(&item.slot)
                    .is_none_or(|upload| !rejection.replaced_by(upload))
            })
            .map(|item| item.slot)
            .collect(),
        _ => Vec::new(),
    };
    order
        .required_images
        .iter()
        .copied()
        .filter(|slot| !order.uploads.contains_key(slot) || flagged.contains(slot))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::{ImageFeedback, Rejection, Upload};

    #[test]
    fn names_round_trip_and_unknown_names_list_the_valid_ones() {
        for dialect in Dialect::ALL {
            assert_eq!(dialect.to_string().parse::<Dialect>(), Ok(dialect));
            assert_eq!(
                serde_json::to_string(&dialect).ok(),
                Some(format!("\"{dialect}\""))
            );
        }
        assert_eq!(" Keyed ".parse::<Dialect>(), Ok(Dialect::Keyed));
        let error = "loose".parse::<Dialect>().err().map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("unknown dialect \"loose\": use one of extended, reference, keyed, terse")
        );
        assert_eq!(Dialect::default(), Dialect::Extended);
    }

    #[test]
    fn status_words_differ_only_where_each_dialect_says() {
        let words = |dialect: Dialect| -> Vec<&str> {
            [
                OrderStatus::Created,
                OrderStatus::Authorized,
                OrderStatus::Processing,
                OrderStatus::Approved,
                OrderStatus::Rejected,
            ]
            .into_iter()
            .map(|status| dialect.status_word(status))
            .collect()
        };
        let documented = [
            "created",
            "authorized",
            "processing",
            "approved",
            "rejected",
        ];
        assert_eq!(words(Dialect::Extended), documented);
        assert_eq!(words(Dialect::Reference), documented);
        assert_eq!(
            words(Dialect::Keyed),
            [
                "created",
                "authorized",
                "processing",
                "completed",
                "rejected"
            ]
        );
        assert_eq!(
            words(Dialect::Terse),
            ["pending", "authorized", "in_review", "approved", "declined"]
        );
    }

    fn upload(at: i64) -> Upload {
        Upload {
            key: "k".into(),
            size: 1,
            etag: "e".into(),
            uploaded_at: at,
            looks_like_image: true,
        }
    }

    #[test]
    fn flagged_images_are_to_upload_again_until_replaced() {
        let mut order = Order::new(5513, 0);
        order.status = OrderStatus::Authorized;
        order.required_images = ImageSlot::CARD.to_vec();
        assert_eq!(images_to_upload(&order), ImageSlot::CARD);
        order.uploads.insert(ImageSlot::Image1, upload(10));
        assert_eq!(images_to_upload(&order), [ImageSlot::Image2]);
        order.uploads.insert(ImageSlot::Image2, upload(20));
        assert!(images_to_upload(&order).is_empty());

        order.status = OrderStatus::Rejected;
        order.last_rejection = Some(Rejection {
            at: 30,
            feedback: vec![ImageFeedback {
                slot: ImageSlot::Image2,
                feedback: "blurry".into(),
            }],
        });
        assert_eq!(images_to_upload(&order), [ImageSlot::Image2]);
        order.uploads.insert(ImageSlot::Image2, upload(40));
        assert!(images_to_upload(&order).is_empty());
    }
}

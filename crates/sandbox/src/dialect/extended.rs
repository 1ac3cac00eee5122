//! `extended`: the reference's fields plus the extras of docs/api-choices.md ("Extra fields on
//! Get Existing Order"); errors in the envelope with a message that says what to do.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::clock;
use crate::error::ApiError;
use crate::kyc;
use crate::order::{Destination, Order, OrderStatus};
use crate::state::{Ctx, Store};

pub(crate) fn error_response(error: &ApiError) -> Response {
    let mut response = (
        error.status,
        Json(json!({"message": error.message, "data": {}})),
    )
        .into_response();
    if let Some(secs) = error.retry_after_secs {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

pub(super) fn add_order_extras(
    data: &mut Map<String, Value>,
    store: &Store,
    order_id: &str,
    order: &Order,
    ctx: &Ctx<'_>,
) {
    data.insert("phone_verified".into(), json!(order.phone_verified));
    let name_required = order.status == OrderStatus::Created
        && kyc::names_required(store, order_id, ctx.now, ctx.config);
    data.insert("name_required".into(), json!(name_required));
    if let Some(destination) = &order.destination {
        data.insert("destination".into(), destination_json(destination));
    }
    if order.status != OrderStatus::Created {
        let images: Vec<Value> = order
            .required_images
            .iter()
            .map(|slot| {
                json!({
                    "image_type": slot.as_api_str(),
                    "description": slot.description(),
                    "uploaded": order.uploads.contains_key(slot),
                })
            })
            .collect();
        data.insert("required_images".into(), Value::Array(images));
    }
    if let (OrderStatus::Rejected, Some(rejection)) = (order.status, &order.last_rejection) {
        let feedback: Vec<Value> = rejection
            .feedback
            .iter()
            .map(|item| json!({"image_type": item.slot.as_api_str(), "feedback": item.feedback}))
            .collect();
        data.insert("image_feedback".into(), Value::Array(feedback));
    }
    if let Some(payout) = &order.payout {
        let mut sent = Map::new();
        sent.insert("currency_amount".into(), json!(payout.sats));
        match &payout.destination {
            Destination::Address(address) => {
                sent.insert("address".into(), json!(address));
                sent.insert("txid".into(), json!(payout.reference));
            }
            Destination::LnInvoice(invoice) => {
                sent.insert("ln_invoice".into(), json!(invoice));
                sent.insert("payment_hash".into(), json!(payout.reference));
            }
        }
        sent.insert("sent_at".into(), json!(clock::iso8601(payout.sent_at)));
        data.insert("payout".into(), Value::Object(sent));
    }
}

fn destination_json(destination: &Destination) -> Value {
    match destination {
        Destination::Address(address) => json!({"address": address}),
        Destination::LnInvoice(invoice) => json!({"ln_invoice": invoice}),
    }
}

//! The `data` of Get Existing Order: the reference's fields plus the optional extras of
//! docs/api-choices.md.

use serde_json::{json, Map, Value};

use crate::clock;
use crate::error::ApiError;
use crate::kyc;
use crate::order::{quote_sats, Destination, OrderStatus};
use crate::state::{Ctx, Store};

pub(crate) fn render(store: &Store, order_id: &str, ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let order = store.order(order_id)?;
    let price = order
        .locked_price_usd_cents
        .unwrap_or(ctx.ticker.price_usd_cents);
    let mut data = Map::new();
    data.insert("status".into(), json!(order.status.as_api_str()));
    data.insert(
        "order".into(),
        json!({
            "currency_symbol": "BTC",
            "base_currency": "USD",
            "base_currency_amount": order.amount_cents,
            "created_at": clock::iso8601(order.created_at),
            "currency": "bitcoin",
            "currency_price_usd": price,
            "currency_amount": quote_sats(order.amount_cents, price),
        }),
    );
    data.insert(
        "ticker".into(),
        json!({
            "last_updated_at": clock::iso8601(ctx.ticker.last_updated_at),
            "update_frequency": ctx.ticker.update_frequency_ms,
        }),
    );
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
    Ok(Value::Object(data))
}

fn destination_json(destination: &Destination) -> Value {
    match destination {
        Destination::Address(address) => json!({"address": address}),
        Destination::LnInvoice(invoice) => json!({"ln_invoice": invoice}),
    }
}

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::kyc::dollars;
use crate::magic;
use crate::order::Order;
use crate::order_id::{new_order_id, redacted};
use crate::state::Shared;
use crate::{destination, phone};

use super::{ok, order_view, required, ApiJson};

#[derive(Deserialize)]
pub(crate) struct CreateOrder {
    amount: Option<Value>,
    currency: Option<Value>,
    phone_number: Option<String>,
    address: Option<String>,
    ln_invoice: Option<String>,
}

/// POST /v2/orders
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    ApiJson(body): ApiJson<CreateOrder>,
) -> Result<Response, ApiError> {
    let amount_cents = parse_amount(body.amount.as_ref(), shared.config.max_amount_cents)?;
    parse_currency(body.currency.as_ref())?;
    let phone = body
        .phone_number
        .as_deref()
        .map(phone::parse_e164)
        .transpose()?;
    let destination =
        destination::from_fields(body.address.as_deref(), body.ln_invoice.as_deref())?;
    if magic::answers_maintenance(amount_cents) {
        return Err(ApiError::maintenance());
    }
    let order_id = shared.with_store(|store, ctx| {
        let mut order_id = new_order_id();
        while store.orders.contains_key(&order_id) {
            order_id = new_order_id();
        }
        let mut order = Order::new(amount_cents, ctx.now);
        order.phone = phone;
        order.destination = destination;
        store.orders.insert(order_id.clone(), order);
        Ok(order_id)
    })?;
    tracing::info!(order = %redacted(&order_id), amount_cents, "order created");
    Ok(ok("", json!({"order_id": order_id})))
}

fn parse_amount(value: Option<&Value>, max_cents: u64) -> Result<u64, ApiError> {
    let hint = "amount must be a positive whole number of US cents, e.g. 5500 for $55.00";
    let value =
        value.ok_or_else(|| ApiError::bad_request(format!("amount is required: {hint}.")))?;
    let cents = value
        .as_u64()
        .filter(|cents| *cents > 0)
        .ok_or_else(|| ApiError::bad_request(format!("{hint}; got {value}.")))?;
    if cents > max_cents {
        return Err(ApiError::bad_request(format!(
            "amount {} is above the largest order, {}.",
            dollars(cents),
            dollars(max_cents)
        )));
    }
    Ok(cents)
}

fn parse_currency(value: Option<&Value>) -> Result<(), ApiError> {
    match value {
        None | Some(Value::Null) => Err(ApiError::bad_request(
            "currency is required: the only supported currency is \"bitcoin\".",
        )),
        Some(Value::String(name)) if name == "bitcoin" => Ok(()),
        Some(Value::String(name)) => Err(ApiError::bad_request(format!(
            "Unknown currency \"{name}\": the only supported currency is \"bitcoin\"."
        ))),
        Some(other) => Err(ApiError::bad_request(format!(
            "currency must be a string (\"bitcoin\"); got {other}."
        ))),
    }
}

#[derive(Deserialize)]
pub(crate) struct UpdateOrder {
    phone_number: Option<String>,
    address: Option<String>,
    ln_invoice: Option<String>,
}

/// POST /v2/orders/<order_id>
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    Path(order_id): Path<String>,
    ApiJson(body): ApiJson<UpdateOrder>,
) -> Result<Response, ApiError> {
    let phone = body
        .phone_number
        .as_deref()
        .map(|value| phone::parse_e164(required(Some(value), "phone_number")?))
        .transpose()?;
    let destination =
        destination::from_fields(body.address.as_deref(), body.ln_invoice.as_deref())?;
    shared.with_store(|store, _| {
        let order = store.order_mut(&order_id)?;
        if order.phone_verified {
            return Err(ApiError::forbidden(
                "The phone number of this order is already confirmed, so the order can no longer be \
                 edited. Send the address with the payment step, or create a new order.",
            ));
        }
        if let Some(phone) = phone {
            if order.phone.as_deref() != Some(phone.as_str()) {
                // A code sent to the old number must not confirm the new one.
                order.pending_code = None;
            }
            order.phone = Some(phone);
        }
        if destination.is_some() {
            order.destination = destination;
        }
        Ok(())
    })?;
    tracing::info!(order = %redacted(&order_id), "order updated");
    Ok(ok("", json!({"order_id": order_id})))
}

/// GET /v2/orders/<order_id>
pub(crate) async fn get_existing(
    State(shared): State<Arc<Shared>>,
    Path(order_id): Path<String>,
) -> Result<Response, ApiError> {
    shared.count_order_read();
    let data = shared.with_store(|store, ctx| order_view::render(store, &order_id, ctx))?;
    Ok(ok("", data))
}

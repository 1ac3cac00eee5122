use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use crate::destination;
use crate::error::ApiError;
use crate::kyc::{self, dollars};
use crate::order::OrderStatus;
use crate::order_id::redacted;
use crate::state::{Profile, Shared};

use super::ok_empty;
use super::ApiJson;

#[derive(Deserialize)]
pub(crate) struct Payment {
    address: Option<String>,
    ln_invoice: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    // recaptcha_response is accepted and ignored: this sandbox never asks for it here.
}

/// POST /v2/orders/<order_id>/payment
pub(crate) async fn submit(
    State(shared): State<Arc<Shared>>,
    Path(order_id): Path<String>,
    ApiJson(body): ApiJson<Payment>,
) -> Result<Response, ApiError> {
    let destination =
        destination::from_fields(body.address.as_deref(), body.ln_invoice.as_deref())?;
    let first_name = body
        .first_name
        .as_deref()
        .map(str::trim)
        .filter(|name| !name.is_empty());
    let last_name = body
        .last_name
        .as_deref()
        .map(str::trim)
        .filter(|name| !name.is_empty());
    shared.with_store(|store, ctx| {
        let order = store.order(&order_id)?;
        if !order.phone_verified {
            return Err(ApiError::forbidden(
                "Verify your phone number first (POST /v2/phones, then /v2/phones/code).",
            ));
        }
        if order.status != OrderStatus::Created {
            return Err(ApiError::forbidden("Payment details were already accepted for this order."));
        }
        if destination.is_none() && order.destination.is_none() {
            return Err(ApiError::bad_request(
                "Say where to send the bitcoin: address (on-chain) or ln_invoice (Lightning invoice with no amount, or Lightning Address).",
            ));
        }
        let phone = order.phone.clone().unwrap_or_default();
        let volume = kyc::weekly_volume_cents(store, &phone, &order_id, ctx.now);
        let names = first_name.zip(last_name);
        if kyc::names_required(store, &order_id, ctx.now, ctx.config) && names.is_none() {
            return Err(ApiError::bad_request(format!(
                "first_name and last_name are required: this phone number's orders over the last 7 days \
                 total {}, above {}.",
                dollars(volume),
                dollars(ctx.config.kyc_name_threshold_cents)
            )));
        }
        if let Some((first_name, last_name)) = names {
            store.profiles.insert(
                phone,
                Profile {
                    first_name: first_name.to_string(),
                    last_name: last_name.to_string(),
                },
            );
        }
        let order = store.order_mut(&order_id)?;
        if destination.is_some() {
            order.destination = destination;
        }
        order.required_images = kyc::required_images(volume, ctx.config);
        order.status = OrderStatus::Authorized;
        Ok(())
    })?;
    tracing::info!(order = %redacted(&order_id), "payment details accepted; order authorized");
    Ok(ok_empty(""))
}

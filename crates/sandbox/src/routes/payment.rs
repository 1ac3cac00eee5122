use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use crate::destination;
use crate::error::{ApiError, ErrorKind};
use crate::kyc::{self, dollars};
use crate::order::{Destination, OrderStatus};
use crate::order_id::redacted;
use crate::state::{Ctx, Profile, Shared, Store};

use super::ApiJson;
use super::{ok_empty, spend_captcha};

/// Refused payment submissions on one order before every further one needs a captcha answer
/// (the reference: recaptcha_response "is only necessary after multiple failures").
const REFUSALS_BEFORE_CAPTCHA: u32 = 3;

#[derive(Deserialize)]
pub(crate) struct Payment {
    address: Option<String>,
    ln_invoice: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    recaptcha_response: Option<String>,
}

/// POST /v2/orders/<order_id>/payment
pub(crate) async fn submit(
    State(shared): State<Arc<Shared>>,
    Path(order_id): Path<String>,
    ApiJson(body): ApiJson<Payment>,
) -> Result<Response, ApiError> {
    let destination = destination::from_fields(body.address.as_deref(), body.ln_invoice.as_deref());
    let names = non_blank(body.first_name.as_deref()).zip(non_blank(body.last_name.as_deref()));
    shared.with_store(|store, ctx| {
        let refusals = store.order(&order_id)?.refused_payments;
        if refusals >= REFUSALS_BEFORE_CAPTCHA {
            spend_captcha(&shared, body.recaptcha_response.as_deref(), ctx.now, || {
                format!(
                    "{refusals} payment submissions for this order were refused: solve the captcha and \
                     send its recaptcha_response with the payment details."
                )
            })?;
        }
        let accepted = accept(store, ctx, &order_id, destination, names);
        if accepted.is_err() {
            let order = store.order_mut(&order_id)?;
            order.refused_payments = order.refused_payments.saturating_add(1);
        }
        accepted
    })?;
    tracing::info!(order = %redacted(&order_id), "payment details accepted; order authorized");
    Ok(ok_empty(""))
}

fn non_blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|text| !text.is_empty())
}

fn accept(
    store: &mut Store,
    ctx: &Ctx<'_>,
    order_id: &str,
    destination: Result<Option<Destination>, ApiError>,
    names: Option<(&str, &str)>,
) -> Result<(), ApiError> {
    let destination = destination?;
    let order = store.order(order_id)?;
    if !order.phone_verified {
        return Err(ApiError::forbidden(
            "Verify your phone number first (POST /v2/phones, then /v2/phones/code).",
        ));
    }
    if order.status != OrderStatus::Created {
        return Err(ApiError::forbidden(
            "Payment details were already accepted for this order.",
        ));
    }
    if destination.is_none() && order.destination.is_none() {
        return Err(ApiError::bad_request(
            "Say where to send the bitcoin: address (on-chain) or ln_invoice (Lightning invoice with no amount, or Lightning Address).",
        ));
    }
    let phone = order.phone.clone().unwrap_or_default();
    let volume = kyc::weekly_volume_cents(store, &phone, order_id, ctx.now);
    if kyc::names_required(store, order_id, ctx.now, ctx.config) && names.is_none() {
        return Err(ApiError::bad_request(format!(
            "first_name and last_name are required: this phone number's orders over the last 7 days \
             total {}, above {}.",
            dollars(volume),
            dollars(ctx.config.kyc_name_threshold_cents)
        ))
        .kind(ErrorKind::NameRequired));
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
    let order = store.order_mut(order_id)?;
    if destination.is_some() {
        order.destination = destination;
    }
    order.required_images = kyc::required_images(volume, ctx.config);
    order.status = OrderStatus::Authorized;
    Ok(())
}

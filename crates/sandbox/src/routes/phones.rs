use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::Response;
use rand::Rng;
use serde::Deserialize;
use serde_json::Value;

use crate::clock;
use crate::error::{ApiError, ErrorKind};
use crate::magic;
use crate::order::{OrderStatus, PendingCode};
use crate::order_id::redacted;
use crate::outbox::{Channel, OutboxMessage};
use crate::phone;
use crate::state::Shared;

use super::{loose_bool, ok_empty, order_id_from_query, required, spend_captcha, ApiJson};

/// Wrong codes allowed before a captcha answer must come with the code.
const WRONG_CODES_BEFORE_CAPTCHA: u32 = 3;

#[derive(Deserialize)]
pub(crate) struct Dispatch {
    phone_number: Option<String>,
    call: Option<Value>,
    recaptcha_response: Option<String>,
}

/// POST /v2/phones?order_id=<order_id>
pub(crate) async fn dispatch(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
    ApiJson(body): ApiJson<Dispatch>,
) -> Result<Response, ApiError> {
    let order_id = order_id_from_query(query.as_deref())?;
    let phone = phone::parse_e164(required(body.phone_number.as_deref(), "phone_number")?)?;
    let channel = if loose_bool(body.call.as_ref(), "call")? {
        Channel::Call
    } else {
        Channel::Sms
    };
    let message = shared.with_store(|store, ctx| {
        let order = store.order_mut(&order_id)?;
        if magic::fails_geolocation(&phone) {
            return Err(ApiError::forbidden(
                "The request was refused: your location failed our geolocation check.",
            )
            .kind(ErrorKind::GeolocationFailed));
        }
        if order.phone_verified || order.status != OrderStatus::Created {
            return Err(ApiError::forbidden(
                "The phone number of this order is already confirmed.",
            ));
        }
        if shared.config.dialect.dispatch_needs_associated_phone()
            && order.phone.as_deref() != Some(phone.as_str())
        {
            return Err(ApiError::bad_request(
                "phone_number is not the number associated with this order: set it with Create New \
                 Order or Update Existing Order first.",
            )
            .kind(ErrorKind::PhoneNotAssociated));
        }
        spend_captcha(&shared, body.recaptcha_response.as_deref(), ctx.now, || {
            "recaptcha_response (the captcha answer) is required.".to_string()
        })?;
        let code = format!("{:06}", rand::rng().random_range(0..1_000_000u32));
        order.phone = Some(phone.clone());
        order.pending_code = Some(PendingCode {
            code: code.clone(),
            phone: phone.clone(),
            channel,
            sent_at: ctx.now,
        });
        Ok(OutboxMessage {
            phone: phone.clone(),
            code,
            channel,
            sent_at: clock::iso8601(ctx.now),
        })
    })?;
    shared.push_outbox(message);
    tracing::info!(order = %redacted(&order_id), ?channel, "verification code sent to the outbox");
    Ok(ok_empty("Verification code has been sent"))
}

#[derive(Deserialize)]
pub(crate) struct SubmitCode {
    phone_number: Option<String>,
    verification_code: Option<String>,
    recaptcha_response: Option<String>,
}

/// POST /v2/phones/code?order_id=<order_id>
pub(crate) async fn submit_code(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
    ApiJson(body): ApiJson<SubmitCode>,
) -> Result<Response, ApiError> {
    let order_id = order_id_from_query(query.as_deref())?;
    let phone = phone::parse_e164(required(body.phone_number.as_deref(), "phone_number")?)?;
    let code = required(body.verification_code.as_deref(), "verification_code")?.to_string();
    let code_ttl = clock::millis(shared.config.code_ttl);
    shared.with_store(|store, ctx| {
        let order = store.order_mut(&order_id)?;
        if order.phone_verified {
            return Err(ApiError::forbidden("The phone number of this order is already confirmed."));
        }
        let Some(pending) = order.pending_code.clone() else {
            return Err(ApiError::forbidden(
                "No verification code was sent for this order: request one first (POST /v2/phones).",
            ));
        };
        if pending.phone != phone {
            return Err(ApiError::bad_request(
                "phone_number is not the number the code was sent to: use that number, or request a new code.",
            ));
        }
        if order.wrong_codes >= WRONG_CODES_BEFORE_CAPTCHA {
            let wrong_codes = order.wrong_codes;
            spend_captcha(&shared, body.recaptcha_response.as_deref(), ctx.now, || {
                format!(
                    "{wrong_codes} wrong codes in a row: solve the captcha and send its recaptcha_response with the code."
                )
            })?;
        }
        if ctx.now > pending.sent_at.saturating_add(code_ttl) {
            return Err(ApiError::bad_request("This verification code has expired: request a new one.")
                .kind(ErrorKind::CodeExpired));
        }
        if pending.code != code {
            order.wrong_codes += 1;
            let hint = if order.wrong_codes >= WRONG_CODES_BEFORE_CAPTCHA {
                "From now on a captcha answer (recaptcha_response) must come with the code.".to_string()
            } else {
                format!(
                    "{} more wrong code(s) and a captcha will be required.",
                    WRONG_CODES_BEFORE_CAPTCHA - order.wrong_codes
                )
            };
            return Err(ApiError::bad_request(format!(
                "The verification code is wrong: check the message and type it again. {hint}"
            ))
            .kind(ErrorKind::WrongCode));
        }
        order.phone_verified = true;
        order.pending_code = None;
        order.wrong_codes = 0;
        Ok(())
    })?;
    tracing::info!(order = %redacted(&order_id), "phone verified");
    Ok(ok_empty("Phone verification successful"))
}

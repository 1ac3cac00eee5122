//! `keyed`: extras as JSON objects keyed by image type, the phone as an object, `completed` for
//! approved, and errors outside the envelope as `{"error": {"code", "message"}}` in its own words.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::error::{api_names, ApiError, ErrorKind};
use crate::order::{Destination, Order, OrderStatus};

use super::images_to_upload;

pub(super) fn add_order_extras(data: &mut Map<String, Value>, order: &Order) {
    let phone = order
        .phone
        .as_ref()
        .map(|number| json!({"number": number, "confirmed": order.phone_verified}));
    data.insert("phone".into(), phone.unwrap_or(Value::Null));
    if order.status != OrderStatus::Created {
        let to_upload: Map<String, Value> = images_to_upload(order)
            .into_iter()
            .map(|slot| (slot.as_api_str().to_string(), json!(slot.description())))
            .collect();
        data.insert("required_images".into(), Value::Object(to_upload));
    }
    if let (OrderStatus::Rejected, Some(rejection)) = (order.status, &order.last_rejection) {
        let feedback: Map<String, Value> = rejection
            .feedback
            .iter()
            .map(|item| (item.slot.as_api_str().to_string(), json!(item.feedback)))
            .collect();
        data.insert("image_feedback".into(), Value::Object(feedback));
    }
    if let Some(payout) = &order.payout {
        let reference_key = match payout.destination {
            Destination::Address(_) => "tx_id",
            Destination::LnInvoice(_) => "payment_hash",
        };
        data.insert(
            "payout".into(),
            json!({"amount_sats": payout.sats, reference_key: payout.reference}),
        );
    }
}

pub(super) fn error_response(error: &ApiError) -> Response {
    let (code, wording) = code_and_wording(error.kind);
    let message = if error.images.is_empty() {
        wording.to_string()
    } else {
        format!("{wording} {}.", api_names(&error.images))
    };
    let body = Json(json!({"error": {"code": code, "message": message}}));
    if error.kind == ErrorKind::RateLimited {
        let mut response = (StatusCode::TOO_MANY_REQUESTS, body).into_response();
        let secs = error.retry_after_secs.unwrap_or(30);
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        return response;
    }
    (error.status, body).into_response()
}

fn code_and_wording(kind: ErrorKind) -> (&'static str, &'static str) {
    match kind {
        ErrorKind::InvalidRequest => (
            "invalid_request",
            "The request was not accepted. Check its fields and try again.",
        ),
        ErrorKind::InvalidState => (
            "invalid_order_state",
            "This action is not possible at the order's current stage.",
        ),
        ErrorKind::NotFound => ("not_found", "Unknown resource."),
        ErrorKind::OrderNotFound => ("order_not_found", "Order not found or no longer available."),
        ErrorKind::MethodNotAllowed => (
            "method_not_allowed",
            "Method not supported on this resource.",
        ),
        ErrorKind::MissingImages => (
            "missing_images",
            "All requested images must be uploaded before verification. Not uploaded:",
        ),
        ErrorKind::ImageNotRequired => (
            "image_not_requested",
            "This image type is not requested for this order. Requested:",
        ),
        ErrorKind::CaptchaRequired => (
            "captcha_required",
            "A captcha response must accompany this request.",
        ),
        ErrorKind::CaptchaRefused => (
            "captcha_invalid",
            "The captcha response is invalid or expired.",
        ),
        ErrorKind::NameRequired => (
            "name_required",
            "A first and last name are needed for this order.",
        ),
        ErrorKind::GeolocationFailed => (
            "geo_blocked",
            "Requests from your location are not accepted.",
        ),
        ErrorKind::PhoneNotAssociated => (
            "phone_mismatch",
            "The phone number does not belong to this order.",
        ),
        ErrorKind::WrongCode => ("invalid_verification_code", "Incorrect verification code."),
        ErrorKind::CodeExpired => (
            "verification_code_expired",
            "The verification code is no longer valid. Request a new one.",
        ),
        ErrorKind::InvalidDestination => (
            "invalid_destination",
            "The payout address or invoice is not valid.",
        ),
        ErrorKind::InvalidPhoneNumber => ("invalid_phone_number", "The phone number is not valid."),
        ErrorKind::Maintenance => ("maintenance", "Down for scheduled maintenance."),
        ErrorKind::ServerError => ("internal_error", "Unexpected server error."),
        ErrorKind::Timeout => ("upstream_timeout", "The upstream service timed out."),
        ErrorKind::RateLimited => ("rate_limited", "Request limit exceeded. Retry later."),
    }
}

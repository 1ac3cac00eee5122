//! `terse`: extras as a list of image type names and one feedback string, its own status words,
//! errors as `{"message": <a few words>, "data": null}`, and a CDN's HTML block page (403) for the
//! rate limit.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::error::{api_names, ApiError, ErrorKind};
use crate::magic;
use crate::order::{Order, OrderStatus};

use super::images_to_upload;

const BLOCK_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\
<title>Access denied</title></head>\n<body>\n<h1>Access denied</h1>\n<p>Error 1015: You are being \
rate limited.</p>\n<p>The owner of this website has banned you temporarily from accessing this \
website.</p>\n</body>\n</html>\n";

pub(super) fn add_order_extras(data: &mut Map<String, Value>, order: &Order) {
    if order.status != OrderStatus::Created {
        let names: Vec<&str> = images_to_upload(order)
            .into_iter()
            .map(|slot| slot.as_api_str())
            .collect();
        data.insert("required_images".into(), json!(names));
    }
    if let (OrderStatus::Rejected, Some(rejection)) = (order.status, &order.last_rejection) {
        let mut reasons: Vec<&str> = Vec::new();
        for item in &rejection.feedback {
            let reason = if item.feedback == magic::NOT_AN_IMAGE_FEEDBACK {
                "A photo could not be opened."
            } else {
                "The card number is not readable."
            };
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
        reasons.push("Please retake the photos.");
        data.insert("image_feedback".into(), json!(reasons.join(" ")));
    }
}

pub(super) fn error_response(error: &ApiError) -> Response {
    if error.kind == ErrorKind::RateLimited {
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            BLOCK_PAGE,
        )
            .into_response();
    }
    let wording = short_wording(error.kind);
    let message = if error.images.is_empty() {
        wording.to_string()
    } else {
        format!("{wording} {}", api_names(&error.images))
    };
    (
        error.status,
        Json(json!({"message": message, "data": null})),
    )
        .into_response()
}

fn short_wording(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::InvalidRequest => "Invalid request.",
        ErrorKind::InvalidState => "Not allowed now.",
        ErrorKind::NotFound => "Not found.",
        ErrorKind::OrderNotFound => "No such order.",
        ErrorKind::MethodNotAllowed => "Bad method.",
        ErrorKind::MissingImages => "Images missing:",
        ErrorKind::ImageNotRequired => "Wrong image. Needed:",
        ErrorKind::CaptchaRequired => "Captcha needed.",
        ErrorKind::CaptchaRefused => "Captcha failed.",
        ErrorKind::NameRequired => "Name needed.",
        ErrorKind::GeolocationFailed => "Region blocked.",
        ErrorKind::PhoneNotAssociated => "Wrong phone.",
        ErrorKind::WrongCode => "Wrong code.",
        ErrorKind::CodeExpired => "Code expired.",
        ErrorKind::InvalidDestination => "Bad address.",
        ErrorKind::InvalidPhoneNumber => "Bad phone number.",
        ErrorKind::Maintenance => "Maintenance.",
        ErrorKind::ServerError => "Server error.",
        ErrorKind::Timeout => "Timeout.",
        ErrorKind::RateLimited => "Slow down.",
    }
}

//! `reference`: nothing the reference does not document. Error messages are its Errors table
//! word for word, so a client learns only the status from them (and the image types, which are
//! API identifiers); the firewall's block is an HTML page, as a firewall in front of an API sends.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::error::{api_names, ApiError, ErrorKind};

const BAD_REQUEST: &str = "Bad Request -- The request submitted is malformed or otherwise invalid.";
const FORBIDDEN: &str = "Forbidden -- The request was rejected for one of three reasons: the IP \
address which submitted the request failed our geolocation check, the submitted request is invalid \
based on the order state or the method supplied was invalid.";
const NOT_FOUND: &str =
    "Not Found -- The specified Order ID could not be found. This may be because \
the order was cancelled or has expired from the system.";
const INTERNAL_SERVER_ERROR: &str = "Internal Server Error -- We had a problem with our server, \
please try again later. Please contact support if the issue persists.";
const SERVICE_UNAVAILABLE: &str = "Service Temporarily Unavailable -- CardCoins is temporarily \
offline for maintenance, please try again later. Visit our Twitter account for status updates. If \
there is no indication of maintenance, please contact us.";

const BLOCKED_PAGE: &str = "<!DOCTYPE html>\n<html>\n<head><title>429 Too Many Requests</title></head>\n\
<body>\n<h1>429 Too Many Requests</h1>\n<p>Your IP address has been temporarily blocked.</p>\n</body>\n</html>\n";

/// The reference's Errors table; a status it does not list gets its HTTP reason phrase.
fn table_wording(status: StatusCode) -> &'static str {
    match status {
        StatusCode::BAD_REQUEST => BAD_REQUEST,
        StatusCode::FORBIDDEN => FORBIDDEN,
        StatusCode::NOT_FOUND => NOT_FOUND,
        StatusCode::INTERNAL_SERVER_ERROR => INTERNAL_SERVER_ERROR,
        StatusCode::SERVICE_UNAVAILABLE => SERVICE_UNAVAILABLE,
        other => other.canonical_reason().unwrap_or("Error"),
    }
}

pub(super) fn error_response(error: &ApiError) -> Response {
    if error.kind == ErrorKind::RateLimited {
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            BLOCKED_PAGE,
        )
            .into_response();
    }
    let mut message = table_wording(error.status).to_string();
    let label = match error.kind {
        ErrorKind::MissingImages => Some("Missing"),
        ErrorKind::ImageNotRequired => Some("Required"),
        _ => None,
    };
    if let Some(label) = label {
        message = format!("{message} {label}: {}", api_names(&error.images));
    }
    (error.status, Json(json!({"message": message, "data": {}}))).into_response()
}

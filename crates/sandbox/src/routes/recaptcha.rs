//! `/sandbox/recaptcha`: the practice reCAPTCHA that stands in for Google's. `api.js` renders the
//! checkbox; `token` issues a token for the site key sent and the hostname of the page that asked
//! (the browser's `Origin`, which page script cannot forge). Only the registered origin may read
//! the answer (CORS), as only the registered hostname's tokens pass at dispatch.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::json;
use url::Url;

use crate::captcha::SolvedFor;
use crate::error::ApiError;
use crate::state::Shared;

use super::{required, ApiJson};

const PRACTICE_SCRIPT: &str = include_str!("../pages/recaptcha_api.js");

pub(super) fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/recaptcha/api.js", get(script))
        .route("/recaptcha/token", post(issue).options(preflight))
}

/// GET /sandbox/recaptcha/api.js
async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        PRACTICE_SCRIPT,
    )
        .into_response()
}

#[derive(Deserialize)]
struct TokenRequest {
    sitekey: Option<String>,
}

/// POST /sandbox/recaptcha/token with `{"sitekey": "..."}` from a page: `{"token", "expires_in"}`.
/// Refusals carry the CORS answer too, so the page can read why.
async fn issue(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<ApiJson<TokenRequest>, ApiError>,
) -> Response {
    let mut response = match body.and_then(|ApiJson(body)| issue_token(&shared, &headers, &body)) {
        Ok(answer) => answer.into_response(),
        Err(error) => error.into_response(),
    };
    allow_registered_origin(&shared, &headers, response.headers_mut());
    response
}

fn issue_token(
    shared: &Shared,
    headers: &HeaderMap,
    body: &TokenRequest,
) -> Result<axum::Json<serde_json::Value>, ApiError> {
    let site_key = required(body.sitekey.as_deref(), "sitekey")?.to_string();
    let Some(hostname) = page_hostname(headers) else {
        return Err(ApiError::bad_request(
            "The practice reCAPTCHA answers only a page that runs its script: the request has no \
             usable Origin header. For a token without a page, POST /sandbox/captcha/token.",
        ));
    };
    let token = shared
        .captcha
        .issue_for(SolvedFor { site_key, hostname }, shared.now());
    Ok(axum::Json(json!({
        "token": token,
        "expires_in": shared.config.captcha_token_ttl.as_secs(),
    })))
}

/// The browser asks before a cross-origin JSON POST; only the registered origin is answered.
async fn preflight(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    if allow_registered_origin(&shared, &headers, response.headers_mut()) {
        let out = response.headers_mut();
        out.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("POST"),
        );
        out.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("content-type"),
        );
        out.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
    }
    response
}

/// The hostname of the page, from its `Origin` (`null` and non-web origins give none).
fn page_hostname(headers: &HeaderMap) -> Option<String> {
    let origin = Url::parse(headers.get(header::ORIGIN)?.to_str().ok()?).ok()?;
    if !matches!(origin.scheme(), "https" | "http") {
        return None;
    }
    origin.host_str().map(|host| host.to_ascii_lowercase())
}

/// Adds `Access-Control-Allow-Origin` when the request comes from the registered hostname, over
/// https or http (the app runs the practice page as `http://<hostname>`: a web engine refuses an
/// https page's requests to this plain-http server); says whether it did.
fn allow_registered_origin(shared: &Shared, request: &HeaderMap, out: &mut HeaderMap) -> bool {
    out.insert(header::VARY, HeaderValue::from_static("Origin"));
    let hostname = &shared.captcha.registered().hostname;
    let Some(origin) = request
        .get(header::ORIGIN)
        .and_then(|origin| origin.to_str().ok())
    else {
        return false;
    };
    let registered = ["https", "http"]
        .iter()
        .any(|scheme| origin.eq_ignore_ascii_case(&format!("{scheme}://{hostname}")));
    if registered {
        if let Ok(value) = HeaderValue::from_str(origin) {
            out.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
            return true;
        }
    }
    false
}

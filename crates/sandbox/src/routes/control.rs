//! `/sandbox`: what tests and the CLI use to drive a running sandbox, and the practice captcha.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bytes::Bytes;
use serde::Deserialize;
use serde_json::json;

use crate::error::ApiError;
use crate::faults::Fault;
use crate::s3::ExpiryCheck;
use crate::state::Shared;
use crate::uplink::Uplink;

const CAPTCHA_PAGE: &str = include_str!("../pages/captcha.html");
const CAPTCHA_DONE_PAGE: &str = include_str!("../pages/captcha_done.html");

pub(super) fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/outbox", get(outbox))
        .route("/captcha", get(captcha_page))
        .route("/captcha/token", post(issue_captcha_token))
        .route("/captcha/done", get(captcha_done))
        .route("/faults", get(current_fault).post(set_fault))
        .route("/orders/expire", post(expire_orders))
        .route("/uplink", get(current_uplink).post(set_uplink))
        .route(
            "/expiry_check",
            get(current_expiry_check).post(set_expiry_check),
        )
}

#[derive(Deserialize)]
struct OutboxQuery {
    phone: Option<String>,
}

/// GET /sandbox/outbox?phone=+1...: the codes "sent", oldest first.
async fn outbox(State(shared): State<Arc<Shared>>, Query(query): Query<OutboxQuery>) -> Response {
    Json(shared.outbox(query.phone.as_deref())).into_response()
}

async fn captcha_page() -> Html<&'static str> {
    Html(CAPTCHA_PAGE)
}

/// POST /sandbox/captcha/token: a token as if a person had ticked the box.
async fn issue_captcha_token(State(shared): State<Arc<Shared>>) -> Response {
    Json(json!({"token": shared.captcha.issue(shared.now())})).into_response()
}

/// The sentinel the captcha page ends on; the app reads `token` from this navigation.
async fn captcha_done() -> Html<&'static str> {
    Html(CAPTCHA_DONE_PAGE)
}

#[derive(Deserialize)]
struct ExpireRequest {
    amount_cents: u64,
}

/// POST /sandbox/orders/expire `{"amount_cents": N}`: the unapproved orders for that amount end
/// as if their day had passed (404 from then on); answers `{"expired": count}`.
async fn expire_orders(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request: ExpireRequest = serde_json::from_slice(&body).map_err(|error| {
        ApiError::bad_request(format!(
            "Not an expiry ({error}). Send {{\"amount_cents\": 5500}}."
        ))
    })?;
    let expired = shared.with_store(|store, _| Ok(store.expire_orders_of(request.amount_cents)))?;
    Ok(Json(json!({"expired": expired})).into_response())
}

async fn current_fault(State(shared): State<Arc<Shared>>) -> Response {
    Json(json!({"fault": shared.fault()})).into_response()
}

/// POST /sandbox/faults with a fault (`"maintenance"`, `{"clock_skew": 30}`, ...) or `null`.
async fn set_fault(State(shared): State<Arc<Shared>>, body: Bytes) -> Result<Response, ApiError> {
    let fault: Option<Fault> = serde_json::from_slice(&body).map_err(|error| {
        ApiError::bad_request(format!(
            "Not a fault ({error}). Send null, \"maintenance\", \"server_error\", \"timeout\", \
             \"cut_mid_response\", \"rate_limited\", \"presign_expired\", {{\"clock_skew\": seconds}}, \
             \"cut_mid_upload\", \"slow_upload\" or {{\"close_early\": uploads}}."
        ))
    })?;
    shared.set_fault(fault);
    Ok(Json(json!({"fault": fault})).into_response())
}

async fn current_uplink(State(shared): State<Arc<Shared>>) -> Response {
    Json(json!({"uplink": shared.uplink()})).into_response()
}

/// POST /sandbox/uplink with a rate (`"1mbit"`, `"256kbit"`) or `null` for no limit.
async fn set_uplink(State(shared): State<Arc<Shared>>, body: Bytes) -> Result<Response, ApiError> {
    let uplink: Option<Uplink> = serde_json::from_slice(&body).map_err(|error| {
        ApiError::bad_request(format!(
            "Not an uplink rate ({error}). Send null or a string such as \"1mbit\", \"0.25mbit\" or \"256kbit\"."
        ))
    })?;
    shared.set_uplink(uplink);
    Ok(Json(json!({"uplink": uplink})).into_response())
}

async fn current_expiry_check(State(shared): State<Arc<Shared>>) -> Response {
    Json(json!({"expiry_check": shared.expiry_check()})).into_response()
}

/// POST /sandbox/expiry_check with `"arrival"` (S3's) or `"end_of_body"`.
async fn set_expiry_check(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let check: ExpiryCheck = serde_json::from_slice(&body).map_err(|error| {
        ApiError::bad_request(format!(
            "Not an expiry check ({error}). Send \"arrival\" or \"end_of_body\"."
        ))
    })?;
    shared.set_expiry_check(check);
    Ok(Json(json!({"expiry_check": check})).into_response())
}

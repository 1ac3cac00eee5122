//! The HTTP surface: `/v2` (the API), `/sandbox` (control and the practice captcha),
//! `/esplora/api` (the chain the payouts go to).

mod chain_control;
mod control;
mod esplora;
mod images;
mod order_view;
mod orders;
mod payment;
mod phones;
mod recaptcha;
mod tickers;
mod verify;

use std::sync::Arc;

use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

use crate::clock::EpochMillis;
use crate::error::{ApiError, ErrorKind};
use crate::state::Shared;
use crate::{dialect, faults, rate_limit};

pub(crate) fn api_router(shared: &Arc<Shared>) -> Router<Arc<Shared>> {
    Router::new()
        .route("/tickers", get(tickers::get_all).fallback(wrong_method))
        .route("/orders", post(orders::create).fallback(wrong_method))
        .route(
            "/orders/{order_id}",
            get(orders::get_existing)
                .post(orders::update)
                .fallback(wrong_method),
        )
        .route(
            "/orders/{order_id}/payment",
            post(payment::submit).fallback(wrong_method),
        )
        .route(
            "/orders/{order_id}/images/{image_type}",
            post(images::presign).fallback(wrong_method),
        )
        .route(
            "/orders/{order_id}/verify",
            post(verify::verify).fallback(wrong_method),
        )
        .route("/phones", post(phones::dispatch).fallback(wrong_method))
        .route(
            "/phones/code",
            post(phones::submit_code).fallback(wrong_method),
        )
        .fallback(unknown_endpoint)
        .layer(middleware::from_fn_with_state(
            shared.clone(),
            rate_limit::enforce,
        ))
        .layer(middleware::from_fn_with_state(
            shared.clone(),
            faults::inject,
        ))
        .layer(middleware::from_fn_with_state(
            shared.clone(),
            dialect::render_errors,
        ))
}

pub(crate) fn control_router() -> Router<Arc<Shared>> {
    control::router()
        .merge(recaptcha::router())
        .merge(chain_control::router())
}

pub(crate) fn esplora_router(shared: &Arc<Shared>) -> Router<Arc<Shared>> {
    esplora::router(shared)
}

/// The reference's envelope around a successful answer. Serialised straight from `data`, so
/// struct fields keep their order (the presign's form fields must).
#[derive(Serialize)]
struct Envelope<'a, T> {
    message: &'a str,
    data: T,
}

pub(crate) fn ok(message: &str, data: impl Serialize) -> Response {
    Json(Envelope { message, data }).into_response()
}

pub(crate) fn ok_empty(message: &str) -> Response {
    ok(message, json!({}))
}

/// The reference: 403 when "the method supplied was invalid".
async fn wrong_method() -> ApiError {
    ApiError::forbidden(
        "This method is not allowed on this endpoint; see the API reference for the right one.",
    )
    .kind(ErrorKind::MethodNotAllowed)
}

async fn unknown_endpoint() -> ApiError {
    ApiError::new(
        axum::http::StatusCode::NOT_FOUND,
        "No such endpoint. The API lives under /v2: tickers, orders, phones.",
    )
}

/// A JSON body read the way the reference's curl examples send it: `curl -d` labels JSON as a
/// form, so the content type is ignored, and an empty body means `{}`.
pub(crate) struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                ApiError::bad_request(format!("Cannot read the request body: {rejection}"))
            })?;
        let text: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
            b"{}"
        } else {
            &body
        };
        serde_json::from_slice(text)
            .map(ApiJson)
            .map_err(|error| ApiError::bad_request(describe(&error)))
    }
}

fn describe(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Syntax | Category::Eof => format!(
            "The request body is not valid JSON ({error}). Send a JSON object such as {{\"amount\":5500,\"currency\":\"bitcoin\"}}."
        ),
        Category::Data => format!("The request body has a field of the wrong type or shape: {error}."),
        Category::Io => format!("Cannot read the request body: {error}."),
    }
}

/// Spends the captcha answer a request must carry; `why` says why one is needed when it is missing.
pub(crate) fn spend_captcha(
    shared: &Shared,
    answer: Option<&str>,
    now: EpochMillis,
    why: impl FnOnce() -> String,
) -> Result<(), ApiError> {
    let answer = answer.map(str::trim).unwrap_or("");
    if answer.is_empty() {
        return Err(ApiError::bad_request(why()).kind(ErrorKind::CaptchaRequired));
    }
    shared
        .captcha
        .redeem(answer, now)
        .map_err(|refusal| ApiError::bad_request(refusal.message()).kind(ErrorKind::CaptchaRefused))
}

/// A required string field.
pub(crate) fn required<'a>(value: Option<&'a str>, what: &str) -> Result<&'a str, ApiError> {
    match value.map(str::trim) {
        Some(text) if !text.is_empty() => Ok(text),
        _ => Err(ApiError::bad_request(format!("{what} is required."))),
    }
}

/// `order_id` from the query string (phones endpoints).
pub(crate) fn order_id_from_query(query: Option<&str>) -> Result<String, ApiError> {
    url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(name, _)| name == "order_id")
        .map(|(_, value)| value.trim().to_string())
        .filter(|value| !value.is_empty())
        .ok_or_else(|| {
            ApiError::bad_request(
                "The order_id query parameter is required (…/phones?order_id=<order_id>).",
            )
        })
}

/// The address the client reached us at, for URLs we hand back (the S3 form target).
pub(crate) fn public_origin(headers: &HeaderMap, shared: &Shared) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .filter(|host| !host.is_empty() && host.chars().all(|c| c.is_ascii_graphic()))
        .map(str::to_string)
        .unwrap_or_else(|| shared.public_addr().to_string());
    format!("http://{host}")
}

/// A boolean the reference sometimes sends as a string (`"call":"true"`).
pub(crate) fn loose_bool(value: Option<&Value>, what: &str) -> Result<bool, ApiError> {
    match value {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(flag)) => Ok(*flag),
        Some(Value::String(text)) if text.eq_ignore_ascii_case("true") => Ok(true),
        Some(Value::String(text)) if text.eq_ignore_ascii_case("false") => Ok(false),
        Some(_) => Err(ApiError::bad_request(format!(
            "{what} must be true or false."
        ))),
    }
}

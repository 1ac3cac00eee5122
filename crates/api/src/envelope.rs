//! The `{"message": .., "data": ..}` envelope every CardCoins answer comes in, and the mapping of
//! HTTP statuses to [`ApiError`].

use std::time::Duration;

use cardcoins_core::OrderId;
use reqwest::{header::RETRY_AFTER, Response, StatusCode};
use serde::{de::DeserializeOwned, Deserialize};

use crate::error::ApiError;

/// API answers are small; a body past this is not a CardCoins answer and is not read whole.
const MAX_BODY_BYTES: usize = 1024 * 1024;

#[derive(Deserialize)]
struct Envelope<T> {
    data: T,
}

/// For answers whose `data` is `{}` (or missing): only the message matters.
#[derive(Deserialize)]
struct MessageOnly {
    #[serde(default)]
    message: Option<String>,
}

/// Reads an answer whose `data` has the shape `T`.
pub(crate) async fn read_data<T: DeserializeOwned>(
    response: Response,
    order: Option<&OrderId>,
) -> Result<T, ApiError> {
    let status = response.status();
    let retry_after = retry_after(&response);
    let body = read_capped(response).await?;
    decode_data(status, retry_after, &body, order)
}

/// The `data` of an answer already read: [`read_data`] without the network.
pub(crate) fn decode_data<T: DeserializeOwned>(
    status: StatusCode,
    retry_after: Option<Duration>,
    body: &[u8],
    order: Option<&OrderId>,
) -> Result<T, ApiError> {
    if !status.is_success() {
        return Err(status_error(status, retry_after, body, order));
    }
    // serde's errors quote the values they choke on, and a value may be the order ID.
    let envelope: Envelope<T> = serde_json::from_slice(body).map_err(|error| ApiError::Decode {
        detail: scrub(
            format!("the {status} answer did not have the expected shape: {error}"),
            order,
        ),
    })?;
    Ok(envelope.data)
}

/// Reads an answer where only success and the server's message matter.
pub(crate) async fn read_message(
    response: Response,
    order: Option<&OrderId>,
) -> Result<String, ApiError> {
    let status = response.status();
    let retry_after = retry_after(&response);
    let body = read_capped(response).await?;
    decode_message(status, retry_after, &body, order)
}

/// The message of an answer already read: [`read_message`] without the network.
pub(crate) fn decode_message(
    status: StatusCode,
    retry_after: Option<Duration>,
    body: &[u8],
    order: Option<&OrderId>,
) -> Result<String, ApiError> {
    if !status.is_success() {
        return Err(status_error(status, retry_after, body, order));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(String::new());
    }
    let envelope: MessageOnly = serde_json::from_slice(body).map_err(|error| ApiError::Decode {
        detail: scrub(format!("the {status} answer was not JSON: {error}"), order),
    })?;
    Ok(scrub(envelope.message.unwrap_or_default(), order))
}

fn status_error(
    status: StatusCode,
    retry_after: Option<Duration>,
    body: &[u8],
    order: Option<&OrderId>,
) -> ApiError {
    // Error bodies use the same envelope; a proxy or load balancer may answer HTML instead,
    // which is not worth showing.
    let message = serde_json::from_slice::<MessageOnly>(body)
        .ok()
        .and_then(|envelope| envelope.message)
        .map(|message| scrub(message, order))
        .unwrap_or_default();
    let or_default = |fallback: &str| {
        if message.trim().is_empty() {
            fallback.to_string()
        } else {
            message.clone()
        }
    };
    match status.as_u16() {
        400 => ApiError::BadRequest {
            message: or_default("the request was invalid (HTTP 400)"),
        },
        403 => ApiError::Forbidden {
            message: or_default(
                "the order is not in a state that allows this, or this network location is not served (HTTP 403)",
            ),
        },
        404 => ApiError::NotFound {
            order: order.map_or_else(|| "requested".to_string(), OrderId::redacted),
        },
        429 => ApiError::RateLimited { retry_after },
        503 => ApiError::Maintenance { message },
        code @ 500..=599 => ApiError::Server {
            status: code,
            message,
        },
        code @ 400..=499 => ApiError::BadRequest {
            message: or_default(&format!("the request was refused (HTTP {code})")),
        },
        code => ApiError::Decode {
            detail: format!("unexpected HTTP status {code}"),
        },
    }
}

/// Reads at most [`MAX_BODY_BYTES`] of a body.
pub(crate) async fn read_capped(mut response: Response) -> Result<Vec<u8>, ApiError> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(ApiError::from_transport)? {
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(ApiError::Decode {
                detail: format!("the answer was larger than {MAX_BODY_BYTES} bytes"),
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn retry_after(response: &Response) -> Option<Duration> {
    let value = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// Servers sometimes echo what they were sent; an echoed order ID must not reach a log or a
/// dialog.
pub(crate) fn scrub(text: String, order: Option<&OrderId>) -> String {
    match order {
        Some(order) if text.contains(order.expose_secret()) => {
            text.replace(order.expose_secret(), &order.redacted())
        }
        _ => text,
    }
}

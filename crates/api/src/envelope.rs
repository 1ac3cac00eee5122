//! The `{"message": .., "data": ..}` envelope every CardCoins answer comes in, and the mapping of
//! HTTP statuses to [`ApiError`].

use std::time::Duration;

use cardcoins_core::OrderId;
use reqwest::{header::RETRY_AFTER, Response, StatusCode};
use serde::{de::DeserializeOwned, Deserialize};
use serde_json::Value;

use crate::error::ApiError;

/// API answers are small; a body past this is not a CardCoins answer and is not read whole.
const MAX_BODY_BYTES: usize = 1024 * 1024;

#[derive(Deserialize)]
struct Envelope<T> {
    data: T,
}

/// The longest server message shown; a longer one is cut, since it is shown in a dialog.
const MAX_MESSAGE_CHARS: usize = 500;

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
    if !is_json(body) {
        return Err(ApiError::Blocked {
            status: status.as_u16(),
            retry_after,
        });
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
    match serde_json::from_slice::<Value>(body) {
        Ok(answer) => Ok(scrub(message_in(&answer).unwrap_or_default(), order)),
        Err(_) => Err(ApiError::Blocked {
            status: status.as_u16(),
            retry_after,
        }),
    }
}

fn status_error(
    status: StatusCode,
    retry_after: Option<Duration>,
    body: &[u8],
    order: Option<&OrderId>,
) -> ApiError {
    // The reference documents no error body. An answer that is not JSON at all is not
    // CardCoins' API speaking but something in front of it (a firewall's or CDN's block page),
    // whatever its status; an empty body is judged by its status alone.
    let blank = body.iter().all(u8::is_ascii_whitespace);
    let answer = if blank {
        None
    } else {
        match serde_json::from_slice::<Value>(body) {
            Ok(answer) => Some(answer),
            Err(_) => {
                return ApiError::Blocked {
                    status: status.as_u16(),
                    retry_after,
                }
            }
        }
    };
    let message = answer
        .as_ref()
        .and_then(message_in)
        .map(|message| scrub(message, order))
        .unwrap_or_default();
    match status.as_u16() {
        403 => ApiError::Forbidden { message },
        404 => ApiError::NotFound {
            order: order.map_or_else(|| "requested".to_string(), OrderId::redacted),
        },
        429 => ApiError::Blocked {
            status: 429,
            retry_after,
        },
        503 => ApiError::Maintenance { message },
        code @ 500..=599 => ApiError::Server {
            status: code,
            message,
        },
        // 400, and any other refusal the reference does not name.
        400..=402 | 405..=428 | 430..=499 => ApiError::BadRequest { message },
        code => ApiError::Decode {
            detail: format!("unexpected HTTP status {code}"),
        },
    }
}

/// The server's words in an answer of any plausible shape: `message`, `error` (text, or an
/// object with `message`), `errors` (a list of texts or of objects with `message`), `detail`.
/// Control characters are dropped and long texts cut, since the words end up in a dialog.
fn message_in(answer: &Value) -> Option<String> {
    fn text(value: &Value) -> Option<String> {
        match value {
            Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_string()),
            Value::Object(fields) => fields.get("message").and_then(text),
            Value::Array(items) => {
                let texts: Vec<String> = items.iter().filter_map(text).collect();
                (!texts.is_empty()).then(|| texts.join("; "))
            }
            _ => None,
        }
    }
    let fields = answer.as_object()?;
    let found = ["message", "error", "errors", "detail"]
        .iter()
        .find_map(|name| fields.get(*name).and_then(text))?;
    Some(
        found
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_MESSAGE_CHARS)
            .collect(),
    )
}

fn is_json(body: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok()
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

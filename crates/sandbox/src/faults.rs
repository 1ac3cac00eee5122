//! Fault injection, so clients can be tested against the failures the real service can show.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::state::Shared;

/// A failure every `/v2` request (or the S3 presign) shows until the fault is cleared.
/// As JSON: `"maintenance"`, `"server_error"`, ..., `{"clock_skew": -30}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    /// Every `/v2` request answers 503.
    Maintenance,
    /// Every `/v2` request answers 500.
    ServerError,
    /// Every `/v2` request hangs (up to ten minutes, or until shutdown), longer than any client timeout.
    Timeout,
    /// Every `/v2` request gets its status and headers, a piece of the body, then the connection closes.
    CutMidResponse,
    /// Every `/v2` request answers 429 with `Retry-After`, as if the firewall had blocked this IP.
    RateLimited,
    /// Presigned S3 policies are issued already expired, so the upload gets 403 AccessDenied.
    PresignExpired,
    /// The API's clock is this many seconds off (presign dates and expirations follow it; S3 keeps true time).
    ClockSkew(i64),
}

const HANG: Duration = Duration::from_secs(600);
const RATE_LIMITED_RETRY_AFTER_SECS: u64 = 60;

pub(crate) async fn inject(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    match shared.fault() {
        Some(Fault::Maintenance) => ApiError::maintenance().into_response(),
        Some(Fault::ServerError) => ApiError::internal(
            "We had a problem with our server, please try again later (sandbox fault: server_error).",
        )
        .into_response(),
        Some(Fault::RateLimited) => ApiError::rate_limited(RATE_LIMITED_RETRY_AFTER_SECS).into_response(),
        Some(Fault::Timeout) => {
            tokio::select! {
                () = tokio::time::sleep(HANG) => {}
                () = shared.shutting_down() => {}
            }
            ApiError::new(StatusCode::GATEWAY_TIMEOUT, "The request timed out (sandbox fault: timeout).")
                .into_response()
        }
        Some(Fault::CutMidResponse) => cut_mid_response(),
        Some(Fault::PresignExpired | Fault::ClockSkew(_)) | None => next.run(request).await,
    }
}

/// Headers and the start of a JSON body, then a body error: hyper drops the connection. The
/// pause lets hyper flush what came before, so the client really sees a response cut short.
fn cut_mid_response() -> Response {
    let start = futures_util::stream::iter([Ok::<Bytes, std::io::Error>(Bytes::from_static(
        br#"{"message": "", "data": {"#,
    ))]);
    let cut = futures_util::stream::once(async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "sandbox fault: cut_mid_response",
        ))
    });
    let body = Body::from_stream(start.chain(cut));
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_forms() {
        assert_eq!(
            serde_json::to_string(&Fault::Maintenance).ok().as_deref(),
            Some("\"maintenance\"")
        );
        assert_eq!(
            serde_json::from_str::<Fault>(r#"{"clock_skew": -30}"#).ok(),
            Some(Fault::ClockSkew(-30))
        );
        assert_eq!(
            serde_json::from_str::<Option<Fault>>("null").ok(),
            Some(None)
        );
    }
}

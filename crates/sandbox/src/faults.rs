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
    /// The image store reads part of an upload, then the connection drops before an answer
    /// completes; nothing is stored. The API itself is healthy.
    CutMidUpload,
    /// The image store reads uploads at about 64 KiB/s, as over a poor connection, so an
    /// upload lasts long enough to be interrupted (the crash tests use this).
    SlowUpload,
    /// The next this many uploads each have part of their body read, then the connection
    /// closes with no answer at all; nothing is stored. Then the fault clears itself.
    CloseEarly(u32),
}

const HANG: Duration = Duration::from_secs(600);

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
        Some(Fault::RateLimited) => {
            ApiError::rate_limited(shared.config.dialect.fault_block_secs()).into_response()
        }
        Some(Fault::Timeout) => {
            tokio::select! {
                () = tokio::time::sleep(HANG) => {}
                () = shared.shutting_down() => {}
            }
            ApiError::new(StatusCode::GATEWAY_TIMEOUT, "The request timed out (sandbox fault: timeout).")
                .into_response()
        }
        Some(Fault::CutMidResponse) => cut_mid_response(),
        Some(
            Fault::PresignExpired
            | Fault::ClockSkew(_)
            | Fault::CutMidUpload
            | Fault::SlowUpload
            | Fault::CloseEarly(_),
        )
        | None => next.run(request).await,
    }
}

/// How much of an upload the store reads before [`Fault::CutMidUpload`] drops the connection.
const CUT_UPLOAD_AFTER: usize = 32 * 1024;
/// [`Fault::SlowUpload`]: one piece of this size every [`SLOW_UPLOAD_PAUSE`].
const SLOW_UPLOAD_PIECE: usize = 16 * 1024;
const SLOW_UPLOAD_PAUSE: Duration = Duration::from_millis(250);

/// The image store's faults. The API's faults do not reach the store: a real outage of the
/// API leaves S3 up, and the reverse.
pub(crate) async fn inject_upload(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() == axum::http::Method::POST && shared.take_close_early() {
        read_some(request).await;
        return close_without_answer();
    }
    match shared.fault() {
        Some(Fault::CutMidUpload) => {
            read_some(request).await;
            cut_mid_response()
        }
        Some(Fault::SlowUpload) => {
            let (parts, body) = request.into_parts();
            let slow = body.into_data_stream().flat_map(|chunk| {
                let pieces: Vec<Result<Bytes, axum::Error>> = match chunk {
                    Ok(bytes) => (0..bytes.len())
                        .step_by(SLOW_UPLOAD_PIECE)
                        .map(|start| {
                            Ok(bytes.slice(start..bytes.len().min(start + SLOW_UPLOAD_PIECE)))
                        })
                        .collect(),
                    Err(error) => vec![Err(error)],
                };
                futures_util::stream::iter(pieces)
            });
            let slow = slow.then(|piece| async move {
                tokio::time::sleep(SLOW_UPLOAD_PAUSE).await;
                piece
            });
            next.run(Request::from_parts(parts, Body::from_stream(slow)))
                .await
        }
        _ => next.run(request).await,
    }
}

/// Reads the start of an upload, as a store that fails part-way would have.
async fn read_some(request: Request) {
    let mut body = request.into_body().into_data_stream();
    let mut read = 0;
    while read < CUT_UPLOAD_AFTER {
        match body.next().await {
            Some(Ok(chunk)) => read += chunk.len(),
            Some(Err(_)) | None => break,
        }
    }
}

/// A body that fails before its first byte: hyper gives up on the connection before it has
/// flushed the status line, so the client gets no answer at all.
fn close_without_answer() -> Response {
    let fail = futures_util::stream::once(async {
        Err::<Bytes, _>(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "sandbox fault: close_early",
        ))
    });
    Response::new(Body::from_stream(fail))
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
        assert_eq!(
            serde_json::from_str::<Fault>(r#"{"close_early": 2}"#).ok(),
            Some(Fault::CloseEarly(2))
        );
    }
}

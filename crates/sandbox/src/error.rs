use std::net::SocketAddr;
use std::path::PathBuf;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// Why the sandbox could not start or keep its state.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("cannot listen on {addr}: {source}. Pick another port, or stop whatever uses it.")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot use the data folder {}: {source}. Check that it exists and is writable.", path.display())]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the saved state {} is not readable JSON ({source}). Move it away to start fresh.", path.display())]
    CorruptState {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("the sandbox server stopped with an error: {0}")]
    Serve(std::io::Error),
    #[error("cannot wait for Ctrl-C: {0}")]
    Signal(std::io::Error),
}

/// An API error answer: the reference's envelope with `data: {}`, the class in the status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            retry_after_secs: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }

    pub fn order_not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "No order with this ID. It may have expired or been cancelled: create a new order.",
        )
    }

    pub fn maintenance() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "CardCoins is temporarily offline for maintenance, please try again later.",
        )
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    pub fn rate_limited(retry_after_secs: u64) -> Self {
        Self {
            status: StatusCode::TOO_MANY_REQUESTS,
            message: format!(
                "Too many requests from your address: it is blocked for {retry_after_secs} s. Wait, then try again."
            ),
            retry_after_secs: Some(retry_after_secs),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            Json(json!({"message": self.message, "data": {}})),
        )
            .into_response();
        if let Some(secs) = self.retry_after_secs {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

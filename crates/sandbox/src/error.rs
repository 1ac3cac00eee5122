use std::net::SocketAddr;
use std::path::PathBuf;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::order::ImageSlot;

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
    #[error("{given:?} is not an uplink rate: {reason}. Write a number then kbit or mbit, such as 1mbit, 0.25mbit or 256kbit (1 mbit is 1,000,000 bits a second).")]
    InvalidUplink { given: String, reason: String },
    #[error("{0:?} is not an expiry check: use arrival (S3's, the default) or end-of-body.")]
    InvalidExpiryCheck(String),
}

/// Why the API refused a request, independent of wording: each dialect words and shapes the
/// answer its own way (`crate::dialect`), so the kind must survive until the answer is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    InvalidRequest,
    /// The step does not fit the order's state (the reference's second 403 reason).
    InvalidState,
    NotFound,
    OrderNotFound,
    MethodNotAllowed,
    MissingImages,
    ImageNotRequired,
    CaptchaRequired,
    CaptchaRefused,
    NameRequired,
    GeolocationFailed,
    PhoneNotAssociated,
    WrongCode,
    CodeExpired,
    InvalidDestination,
    InvalidPhoneNumber,
    Maintenance,
    ServerError,
    Timeout,
    /// The firewall's block; `ApiError::retry_after_secs` says for how long.
    RateLimited,
}

impl ErrorKind {
    fn for_status(status: StatusCode) -> Self {
        match status {
            StatusCode::FORBIDDEN => Self::InvalidState,
            StatusCode::NOT_FOUND => Self::NotFound,
            StatusCode::TOO_MANY_REQUESTS => Self::RateLimited,
            StatusCode::SERVICE_UNAVAILABLE => Self::Maintenance,
            StatusCode::GATEWAY_TIMEOUT => Self::Timeout,
            status if status.is_server_error() => Self::ServerError,
            _ => Self::InvalidRequest,
        }
    }
}

/// An API error answer. Handlers build one; the dialect renders it (`crate::dialect::render`),
/// and without a dialect layer (the `/sandbox` routes) it renders as `extended`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub kind: ErrorKind,
    /// The `extended` dialect's wording.
    pub message: String,
    /// Image types the answer names (API spelling is an identifier a client may read, so every
    /// dialect includes them, whatever its wording).
    pub images: Vec<ImageSlot>,
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            kind: ErrorKind::for_status(status),
            message: message.into(),
            images: Vec::new(),
            retry_after_secs: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }

    pub fn kind(mut self, kind: ErrorKind) -> Self {
        self.kind = kind;
        self
    }

    pub fn order_not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "No order with this ID. It may have expired or been cancelled: create a new order.",
        )
        .kind(ErrorKind::OrderNotFound)
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
            retry_after_secs: Some(retry_after_secs),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "Too many requests from your address: it is blocked for {retry_after_secs} s. Wait, then try again."
                ),
            )
        }
    }

    /// Verify before every required image is uploaded.
    pub fn missing_images(missing: Vec<ImageSlot>) -> Self {
        Self {
            images: missing.clone(),
            ..Self::bad_request(format!(
                "Missing images: {}. Upload each one (presign, then the S3 POST) before calling verify.",
                api_names(&missing)
            ))
            .kind(ErrorKind::MissingImages)
        }
    }

    /// Presign for an image type this order does not ask for.
    pub fn image_not_required(asked: ImageSlot, required: Vec<ImageSlot>) -> Self {
        Self {
            images: required.clone(),
            ..Self::bad_request(format!(
                "{asked} is not required for this order; the required images are {}.",
                api_names(&required)
            ))
            .kind(ErrorKind::ImageNotRequired)
        }
    }
}

/// "Image1, Image2": image types as the API spells them.
pub(crate) fn api_names(images: &[ImageSlot]) -> String {
    images
        .iter()
        .map(|slot| slot.as_api_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl IntoResponse for ApiError {
    /// The `extended` answer, carrying the error itself so the dialect layer can re-render it.
    fn into_response(self) -> Response {
        let mut response = crate::dialect::extended::error_response(&self);
        response.extensions_mut().insert(self);
        response
    }
}

//! The one error shape the frontend sees: a stable `code` to branch on and a `message` a person
//! can act on. Built from each crate's error; never carries an internal detail or an order ID.

use cardcoins_api::{ApiError, NetworkErrorKind};
use cardcoins_core::{CoreError, ErrorCode, ErrorKind};
use cardcoins_photos::PhotoError;
use cardcoins_vault::VaultError;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    /// Whether "try again" can help: the UI reads this and lists no codes of its own.
    pub kind: ErrorKind,
    /// The app's own words: what happened and what to do.
    pub message: String,
    /// What CardCoins itself said, without the order ID; shown beside `message`, never read by
    /// the app.
    pub server_message: Option<String>,
    /// How long to wait before asking CardCoins again, when it turned this network away.
    pub retry_after_secs: Option<u32>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            kind: ErrorKind::Permanent,
            message: message.into(),
            server_message: None,
            retry_after_secs: None,
        }
    }

    /// A failure that is the app's fault, not the seller's: logged in full, shown in general words.
    pub fn internal(what: &str, detail: impl std::fmt::Display) -> AppError {
        tracing::error!(%detail, "{what}");
        AppError::new(
            ErrorCode::Internal,
            format!("Something went wrong in the app ({what}). Try again; if it keeps happening, restart the app."),
        )
    }
}

impl From<CoreError> for AppError {
    fn from(error: CoreError) -> AppError {
        AppError::new(error.code(), error.to_string())
    }
}

impl From<ApiError> for AppError {
    fn from(error: ApiError) -> AppError {
        let message = match &error {
            // The cause chain ("tcp connect error ...") helps in a log, not on screen.
            ApiError::Network { kind, detail } => {
                tracing::warn!(%detail, "network failure");
                network_words(*kind).to_string()
            }
            ApiError::Decode { detail } => {
                tracing::warn!(%detail, "unreadable answer");
                "CardCoins sent an answer this app could not read. Try again later; the app may need an update.".to_string()
            }
            ApiError::BadRequest { .. }
            | ApiError::Refused { .. }
            | ApiError::Forbidden { .. }
            | ApiError::Server { .. }
            | ApiError::Maintenance { .. } => without_server_words(&error),
            other => other.to_string(),
        };
        AppError {
            code: error.code(),
            kind: error.kind(),
            message,
            server_message: error.server_message().map(str::to_string),
            retry_after_secs: error
                .retry_after()
                .map(|wait| u32::try_from(wait.as_secs().max(1)).unwrap_or(u32::MAX)),
        }
    }
}

/// The client's text ends with the server's words; the app shows those apart.
fn without_server_words(error: &ApiError) -> String {
    let text = error.to_string();
    match text.find(" CardCoins said: ") {
        Some(cut) if error.server_message().is_some() => text[..cut].to_string(),
        _ => text,
    }
}

fn network_words(kind: NetworkErrorKind) -> &'static str {
    match kind {
        NetworkErrorKind::Offline => "Could not connect to CardCoins. Check the internet connection (and the proxy, if one is set), then try again.",
        NetworkErrorKind::Timeout => "CardCoins took too long to answer. Check the connection and try again.",
        NetworkErrorKind::Tls => "The secure connection to CardCoins failed. Check the computer's clock and any proxy or filter that intercepts HTTPS, then try again.",
        NetworkErrorKind::Other => "The connection to CardCoins broke off. Try again.",
    }
}

impl From<PhotoError> for AppError {
    fn from(error: PhotoError) -> AppError {
        if let PhotoError::Internal(detail) = &error {
            return AppError::internal("preparing the photo", detail);
        }
        AppError::new(error.error_code(), error.to_string())
    }
}

impl From<VaultError> for AppError {
    fn from(error: VaultError) -> AppError {
        let code = match &error {
            VaultError::UnknownOrder { .. } => ErrorCode::UnknownOrder,
            VaultError::WalletKeyMissing => ErrorCode::WalletNotSet,
            VaultError::Io { .. }
            | VaultError::NewerSchema { .. }
            | VaultError::SecretMissing { .. }
            | VaultError::KeyringFailed { .. } => ErrorCode::VaultUnavailable,
        };
        AppError::new(code, error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use cardcoins_api::RefusedRequest;

    use super::*;

    #[test]
    fn codes_come_from_the_request_not_the_words() {
        for message in [
            "The verification code is wrong.",
            "first_name and last_name are required",
            "Bad Request -- The request submitted is malformed or otherwise invalid.",
            "",
        ] {
            let refused = AppError::from(ApiError::Refused {
                request: RefusedRequest::SubmitCode,
                message: message.to_string(),
            });
            assert_eq!(refused.code, ErrorCode::CodeRefused, "{message}");
            let payment = AppError::from(ApiError::Refused {
                request: RefusedRequest::Payment,
                message: message.to_string(),
            });
            assert_eq!(payment.code, ErrorCode::PaymentRefused, "{message}");
            assert_eq!(
                payment.server_message.as_deref(),
                Some(message).filter(|text| !text.is_empty())
            );
            assert!(
                !payment.message.contains("CardCoins said"),
                "{}",
                payment.message
            );
        }
        let forbidden = AppError::from(ApiError::Forbidden {
            message: "your location failed our geolocation check".into(),
        });
        assert_eq!(forbidden.code, ErrorCode::Forbidden);
        assert_eq!(
            forbidden.server_message.as_deref(),
            Some("your location failed our geolocation check")
        );
    }

    #[test]
    fn whether_to_try_again_is_decided_here_once() {
        let tls = AppError::from(ApiError::Network {
            kind: NetworkErrorKind::Tls,
            detail: "invalid peer certificate".into(),
        });
        assert_eq!(tls.code, ErrorCode::SecureConnectionFailed);
        assert_eq!(
            tls.kind,
            ErrorKind::Permanent,
            "a retry meets the same certificate"
        );
        let offline = AppError::from(ApiError::Network {
            kind: NetworkErrorKind::Offline,
            detail: String::new(),
        });
        assert_eq!(offline.kind, ErrorKind::Transient);
        let blocked = AppError::from(ApiError::Blocked {
            status: 429,
            retry_after: None,
        });
        assert_eq!(blocked.kind, ErrorKind::Blocked);
        let wrong_code = AppError::from(ApiError::Refused {
            request: cardcoins_api::RefusedRequest::SubmitCode,
            message: String::new(),
        });
        assert_eq!(wrong_code.kind, ErrorKind::Permanent);
        assert_eq!(
            AppError::new(ErrorCode::InvalidAmount, "x").kind,
            ErrorKind::Permanent
        );
    }

    #[test]
    fn a_block_says_how_long_to_wait() {
        let blocked = AppError::from(ApiError::Blocked {
            status: 403,
            retry_after: Some(std::time::Duration::from_millis(1500)),
        });
        assert_eq!(blocked.code, ErrorCode::TemporarilyBlocked);
        assert_eq!(blocked.retry_after_secs, Some(1));
    }

    #[test]
    fn network_details_stay_in_the_log() {
        let error = AppError::from(ApiError::Network {
            kind: NetworkErrorKind::Offline,
            detail: "tcp connect error: Connection refused (os error 111)".into(),
        });
        assert_eq!(error.code, ErrorCode::Offline);
        assert!(!error.message.contains("os error"), "{}", error.message);
    }
}

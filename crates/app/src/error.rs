//! The one error shape the frontend sees: a stable `code` to branch on and, when the code alone
//! does not say enough, a `reason`: a catalog message and its values, which the UI words in the
//! seller's language. Rust sends no sentence of its own; `Display` (the log, the launch dialog)
//! words the same reason in English. Built from each crate's error; never carries an internal
//! detail or an order ID.

use std::time::Duration;

use cardcoins_api::{ApiError, NetworkErrorKind, RefusedRequest};
use cardcoins_catalog::Catalog;
use cardcoins_core::{CoreError, ErrorCode, ErrorKind, Reason, ReasonArg};
use cardcoins_photos::PhotoError;
use cardcoins_vault::VaultError;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
pub struct AppError {
    pub code: ErrorCode,
    /// Whether "try again" can help: the UI reads this and lists no codes of its own.
    pub kind: ErrorKind,
    /// What exactly went wrong and what to do (the character mistyped, the minutes to wait);
    /// `None` when the code's own sentence, `error-code-<code>`, says it all.
    pub reason: Option<Reason>,
    /// What CardCoins itself said, without the order ID; shown beside the app's words, never
    /// read by the app.
    pub server_message: Option<String>,
    /// How long to wait before asking CardCoins again, when it turned this network away.
    pub retry_after_secs: Option<u32>,
}

impl AppError {
    /// An error its code says all about.
    pub fn new(code: ErrorCode) -> AppError {
        AppError {
            code,
            kind: ErrorKind::Permanent,
            reason: None,
            server_message: None,
            retry_after_secs: None,
        }
    }

    /// An error with more to say than its code.
    pub fn because(code: ErrorCode, reason: Reason) -> AppError {
        AppError {
            reason: Some(reason),
            ..AppError::new(code)
        }
    }

    /// A failure that is the app's fault, not the seller's: logged in full, shown in general words.
    pub fn internal(what: &str, detail: impl std::fmt::Display) -> AppError {
        tracing::error!(%detail, "{what}");
        AppError::new(ErrorCode::Internal)
    }

    /// What went wrong in `catalog`'s language: the reason, or the code's own sentence.
    pub fn words(&self, catalog: &Catalog) -> String {
        match &self.reason {
            Some(reason) => reason.words(catalog),
            None => catalog.text(&format!("error-code-{}", self.code), &[]),
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Catalog::english()))
    }
}

impl From<CoreError> for AppError {
    fn from(error: CoreError) -> AppError {
        AppError::because(error.code(), error.reason().clone())
    }
}

impl From<ApiError> for AppError {
    fn from(error: ApiError) -> AppError {
        AppError {
            code: error.code(),
            kind: error.kind(),
            reason: api_reason(&error),
            server_message: error.server_message().map(str::to_string),
            retry_after_secs: error
                .retry_after()
                .map(|wait| u32::try_from(wait.as_secs().max(1)).unwrap_or(u32::MAX)),
        }
    }
}

/// What the code does not say already. Details meant for a log (the cause chain of a network
/// failure, what could not be read in an answer, which setting is wrong) go there.
fn api_reason(error: &ApiError) -> Option<Reason> {
    match error {
        ApiError::Network { kind, detail } => {
            tracing::warn!(%detail, "network failure");
            (*kind == NetworkErrorKind::Other).then(|| Reason::new("reason-network-broke-off"))
        }
        ApiError::Decode { detail } => {
            tracing::warn!(%detail, "unreadable answer");
            None
        }
        ApiError::Config { reason } => Some(reason.clone()),
        ApiError::ImageFile { reason, .. } => {
            tracing::warn!(%reason, "the photo file could not be read");
            None
        }
        ApiError::Refused {
            request: RefusedRequest::Presign,
            ..
        } => Some(Reason::new("reason-api-presign-refused")),
        ApiError::Refused {
            request: RefusedRequest::Verify,
            ..
        } => Some(Reason::new("reason-api-verify-refused")),
        ApiError::Server { status, .. } => Some(
            Reason::new("reason-api-server-error")
                .with("status", ReasonArg::Digits((*status).into())),
        ),
        ApiError::Blocked {
            retry_after: Some(wait),
            ..
        } => Some(wait_reason(*wait)),
        _ => None,
    }
}

/// "Wait about 10 minutes", or seconds under two minutes.
fn wait_reason(wait: Duration) -> Reason {
    let secs = wait.as_secs();
    if secs >= 120 {
        Reason::new("reason-api-blocked-minutes").with("count", secs.div_ceil(60))
    } else {
        Reason::new("reason-api-blocked-seconds").with("count", secs.max(1))
    }
}

impl From<PhotoError> for AppError {
    fn from(error: PhotoError) -> AppError {
        if let PhotoError::Internal(detail) = &error {
            return AppError::internal("preparing the photo", detail);
        }
        if let Some(detail) = error.detail() {
            tracing::warn!(%detail, code = error.code(), "the photo was refused");
        }
        AppError::because(error.error_code(), error.reason())
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
        if let Some(detail) = error.detail() {
            tracing::warn!(%detail, code = error.code(), "the order vault failed");
        }
        AppError::because(code, error.reason())
    }
}

#[cfg(test)]
mod tests {
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
            let words = payment.to_string();
            assert!(!words.contains("CardCoins said"), "{words}");
            assert!(!words.contains(message) || message.is_empty(), "{words}");
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
            AppError::new(ErrorCode::InvalidAmount).kind,
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
        assert!(
            blocked.to_string().contains("Wait about 1 second "),
            "{blocked}"
        );
        let long = AppError::from(ApiError::Blocked {
            status: 429,
            retry_after: Some(std::time::Duration::from_secs(600)),
        });
        assert!(long.to_string().contains("Wait about 10 minutes"), "{long}");
    }

    #[test]
    fn network_details_stay_in_the_log() {
        let error = AppError::from(ApiError::Network {
            kind: NetworkErrorKind::Offline,
            detail: "tcp connect error: Connection refused (os error 111)".into(),
        });
        assert_eq!(error.code, ErrorCode::Offline);
        assert_eq!(error.reason, None, "the code says it all");
        assert!(!error.to_string().contains("os error"), "{error}");
        assert!(error
            .to_string()
            .starts_with("Could not connect to CardCoins"));
    }

    #[test]
    fn every_reason_made_here_reads_a_catalog_message_with_its_values() {
        let mut errors = vec![
            AppError::from(ApiError::Network {
                kind: NetworkErrorKind::Other,
                detail: String::new(),
            }),
            AppError::from(ApiError::Server {
                status: 502,
                message: String::new(),
            }),
        ];
        for request in [RefusedRequest::Presign, RefusedRequest::Verify] {
            errors.push(AppError::from(ApiError::Refused {
                request,
                message: String::new(),
            }));
        }
        for secs in [0, 1, 59, 119, 120, 3600] {
            errors.push(AppError::from(ApiError::Blocked {
                status: 429,
                retry_after: Some(std::time::Duration::from_secs(secs)),
            }));
        }
        for error in &errors {
            let reason = error.reason.as_ref().expect("a reason");
            reason.check().unwrap_or_else(|problem| panic!("{problem}"));
        }
    }

    #[test]
    fn without_a_reason_the_code_speaks_in_every_language() {
        let error = AppError::new(ErrorCode::Maintenance);
        assert_eq!(
            error.to_string(),
            "CardCoins is offline for maintenance. Try again later."
        );
        let spanish = error.words(&Catalog::for_tag("es-US"));
        assert!(spanish.contains("mantenimiento"), "{spanish}");
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["reason"], serde_json::Value::Null);
        assert!(
            json.get("message").is_none(),
            "no English goes to the UI: {json}"
        );
    }
}

//! The one error shape the frontend sees: a stable `code` to branch on and a `message` a person
//! can act on. Built from each crate's error; never carries an internal detail or an order ID.

use cardcoins_api::{ApiError, NetworkErrorKind, UploadErrorKind};
use cardcoins_core::CoreError;
use cardcoins_photos::{PhotoError, RefusedFormat};
use cardcoins_vault::VaultError;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: String,
    pub message: String,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> AppError {
        AppError {
            code: code.to_string(),
            message: message.into(),
        }
    }

    /// A failure that is the app's fault, not the seller's: logged in full, shown in general words.
    pub fn internal(what: &str, detail: impl std::fmt::Display) -> AppError {
        tracing::error!(%detail, "{what}");
        AppError::new(
            "internal",
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
        let code = match &error {
            ApiError::BadRequest { message } => bad_request_code(message),
            ApiError::Forbidden { message }
                if message.to_ascii_lowercase().contains("geolocation") =>
            {
                "geolocation"
            }
            ApiError::Forbidden { .. } => "forbidden",
            ApiError::NotFound { .. } => "order_not_found",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::Server { .. } | ApiError::Decode { .. } => "server_error",
            ApiError::Maintenance { .. } => "maintenance",
            ApiError::Network { kind, .. } => match kind {
                NetworkErrorKind::Timeout => "timeout",
                NetworkErrorKind::Offline | NetworkErrorKind::Tls | NetworkErrorKind::Other => {
                    "offline"
                }
            },
            ApiError::Upload { kind } => match kind {
                UploadErrorKind::PolicyExpired => "upload_expired",
                UploadErrorKind::TooLarge { .. } => "upload_too_large",
                UploadErrorKind::Refused { .. } | UploadErrorKind::Unavailable { .. } => {
                    "upload_refused"
                }
            },
            ApiError::ImageFile { .. } => "photo_unreadable",
            ApiError::Config { .. } => "invalid_settings",
        };
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
            other => other.to_string(),
        };
        AppError::new(code, message)
    }
}

/// The API says what was wrong only in words; these are the cases the UI acts on.
fn bad_request_code(message: &str) -> &'static str {
    let text = message.to_ascii_lowercase();
    if text.contains("code is wrong") || text.contains("code has expired") {
        "wrong_code"
    } else if text.contains("wrong codes in a row") {
        "too_many_attempts"
    } else if text.contains("captcha") {
        "captcha_required"
    } else if text.contains("first_name") || text.contains("last_name") {
        "name_required"
    } else if text.contains("address") || text.contains("invoice") {
        "invalid_destination"
    } else if text.contains("phone") {
        "invalid_phone"
    } else if text.contains("amount") {
        "invalid_amount"
    } else {
        "bad_request"
    }
}

fn network_words(kind: NetworkErrorKind) -> &'static str {
    match kind {
        NetworkErrorKind::Offline => "Could not connect to CardCoins. Check the internet connection (and the proxy, if one is set), then try again.",
        NetworkErrorKind::Timeout => "CardCoins took too long to answer. Check the connection and try again.",
        NetworkErrorKind::Tls => "The secure connection to CardCoins failed. Check the computer's clock and any proxy or filter that intercepts HTTPS.",
        NetworkErrorKind::Other => "The connection to CardCoins broke off. Try again.",
    }
}

impl From<PhotoError> for AppError {
    fn from(error: PhotoError) -> AppError {
        let code = match &error {
            PhotoError::Unreadable { .. }
            | PhotoError::Empty
            | PhotoError::Truncated { .. }
            | PhotoError::Corrupt { .. } => "photo_unreadable",
            PhotoError::NotAFile { .. } => "photo_folder",
            PhotoError::FileTooLarge { .. }
            | PhotoError::TooManyPixels { .. }
            | PhotoError::CannotFitBudget { .. } => "photo_too_large",
            PhotoError::UnsupportedFormat {
                format: RefusedFormat::Heic,
            } => "photo_heic",
            PhotoError::UnsupportedFormat { .. } => "photo_not_image",
            PhotoError::Internal(detail) => {
                return AppError::internal("preparing the photo", detail)
            }
        };
        AppError::new(code, error.to_string())
    }
}

impl From<VaultError> for AppError {
    fn from(error: VaultError) -> AppError {
        let code = match &error {
            VaultError::UnknownOrder { .. } => "unknown_order",
            VaultError::Io { .. }
            | VaultError::NewerSchema { .. }
            | VaultError::SecretMissing { .. }
            | VaultError::KeyringFailed { .. } => "vault_unavailable",
        };
        AppError::new(code, error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sandbox_refusals_get_the_codes_the_ui_branches_on() {
        for (message, code) in [
            ("The verification code is wrong: check the message and type it again. 2 more wrong code(s) and a captcha will be required.", "wrong_code"),
            ("3 wrong codes in a row: solve the captcha and send its recaptcha_response with the code.", "too_many_attempts"),
            ("This captcha answer was already used; each one works once. Solve the captcha again.", "captcha_required"),
            ("first_name and last_name are required: this phone number's orders ...", "name_required"),
            ("Say where to send the bitcoin: address (on-chain) or ln_invoice", "invalid_destination"),
        ] {
            let error = AppError::from(ApiError::BadRequest { message: message.to_string() });
            assert_eq!(error.code, code, "{message}");
        }
        let geo = AppError::from(ApiError::Forbidden {
            message: "The request was refused: your location failed our geolocation check.".into(),
        });
        assert_eq!(geo.code, "geolocation");
    }

    #[test]
    fn network_details_stay_in_the_log() {
        let error = AppError::from(ApiError::Network {
            kind: NetworkErrorKind::Offline,
            detail: "tcp connect error: Connection refused (os error 111)".into(),
        });
        assert_eq!(error.code, "offline");
        assert!(!error.message.contains("os error"), "{}", error.message);
    }
}

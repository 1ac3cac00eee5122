//! The one vocabulary of failure codes. The app's errors, the CLI's `--json` errors and the
//! frontend's branches all use these, so a failure has one name wherever it shows.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A stable, machine-readable name for a failure. The text shown beside it says what happened
/// and what to do; the code is what programs branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    // What the person typed or chose.
    InvalidAmount,
    InvalidOrderId,
    InvalidPhone,
    InvalidDestination,
    BadChecksum,
    TestnetAddress,
    InvoiceHasAmount,
    InvoiceExpired,
    UnknownImageSlot,
    InvalidName,
    InvalidCode,
    /// Arguments that do not go together (CLI).
    RefusedInput,

    // What CardCoins answered.
    /// A 400 to a request with no step of its own (creating or updating an order).
    BadRequest,
    /// A 400 to the phone code: wrong, expired, or a captcha is now needed with it.
    CodeRefused,
    /// A 400 to asking for a code: the captcha answer or the number was not accepted.
    SendRefused,
    /// A 400 to the payout details: the destination, the names, or a captcha now needed.
    PaymentRefused,
    /// A 400 to a photo's upload permission or to the review request.
    PhotosRefused,
    /// A 403: the order's state does not allow this, or the network location is not served.
    Forbidden,
    /// A 404: the order is gone (expired or cancelled).
    OrderNotFound,
    /// A 429, or an answer that was not CardCoins' JSON (a firewall's or CDN's page): requests
    /// from this network are refused for a while.
    TemporarilyBlocked,
    ServerError,
    Maintenance,
    Offline,
    Timeout,
    /// The TLS handshake failed: a wrong clock, or a proxy or filter that intercepts HTTPS.
    /// Trying again does not help until that changes.
    SecureConnectionFailed,
    /// An answer whose documented fields could not be read.
    UnreadableAnswer,
    UploadExpired,
    /// Even at its smallest the photo would take longer on this link than its upload permission
    /// lasts; the person may still try.
    UploadTooSlow,
    UploadTooLarge,
    UploadRefused,

    // Photos.
    PhotoUnreadable,
    PhotoFolder,
    PhotoTooLarge,
    PhotoHeic,
    PhotoNotImage,
    PhotoNotPrepared,

    // The captcha window.
    CaptchaRequired,
    CaptchaOpen,
    CaptchaNotCompleted,
    CaptchaTimeout,
    CaptchaNotConfigured,

    // The seller's wallet (Settings → Your wallet).
    InvalidWallet,
    WalletPrivateKey,
    WalletNotSet,

    // This computer.
    UnknownOrder,
    VaultUnavailable,
    InvalidSettings,
    SettingsNotSaved,
    NotSandbox,
    Sandbox,
    Io,
    Internal,
}

impl ErrorCode {
    /// The code as it is written in JSON and in the frontend (`order_not_found`).
    pub fn as_str(self) -> &'static str {
        macro_rules! names {
            ($($variant:ident => $name:literal,)*) => {
                match self { $(ErrorCode::$variant => $name,)* }
            };
        }
        names! {
            InvalidAmount => "invalid_amount",
            InvalidOrderId => "invalid_order_id",
            InvalidPhone => "invalid_phone",
            InvalidDestination => "invalid_destination",
            BadChecksum => "bad_checksum",
            TestnetAddress => "testnet_address",
            InvoiceHasAmount => "invoice_has_amount",
            InvoiceExpired => "invoice_expired",
            UnknownImageSlot => "unknown_image_slot",
            InvalidName => "invalid_name",
            InvalidCode => "invalid_code",
            RefusedInput => "refused_input",
            BadRequest => "bad_request",
            CodeRefused => "code_refused",
            SendRefused => "send_refused",
            PaymentRefused => "payment_refused",
            PhotosRefused => "photos_refused",
            Forbidden => "forbidden",
            OrderNotFound => "order_not_found",
            TemporarilyBlocked => "temporarily_blocked",
            ServerError => "server_error",
            Maintenance => "maintenance",
            Offline => "offline",
            Timeout => "timeout",
            SecureConnectionFailed => "secure_connection_failed",
            UnreadableAnswer => "unreadable_answer",
            UploadExpired => "upload_expired",
            UploadTooSlow => "upload_too_slow",
            UploadTooLarge => "upload_too_large",
            UploadRefused => "upload_refused",
            PhotoUnreadable => "photo_unreadable",
            PhotoFolder => "photo_folder",
            PhotoTooLarge => "photo_too_large",
            PhotoHeic => "photo_heic",
            PhotoNotImage => "photo_not_image",
            PhotoNotPrepared => "photo_not_prepared",
            CaptchaRequired => "captcha_required",
            CaptchaOpen => "captcha_open",
            CaptchaNotCompleted => "captcha_not_completed",
            CaptchaTimeout => "captcha_timeout",
            CaptchaNotConfigured => "captcha_not_configured",
            InvalidWallet => "invalid_wallet",
            WalletPrivateKey => "wallet_private_key",
            WalletNotSet => "wallet_not_set",
            UnknownOrder => "unknown_order",
            VaultUnavailable => "vault_unavailable",
            InvalidSettings => "invalid_settings",
            SettingsNotSaved => "settings_not_saved",
            NotSandbox => "not_sandbox",
            Sandbox => "sandbox",
            Io => "io",
            Internal => "internal",
        }
    }
}

/// Whether trying again can help. Decided once, by the crate that knows the failure (the API
/// client for CardCoins' answers and the network), and carried with the error to the UI and the
/// command line, which read it and list no codes of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Passes by itself (no connection, a busy or resting server): worth "try again".
    Transient,
    /// CardCoins turned this network away for a while: nothing may ask again until the wait
    /// is over, neither a poller nor "try again".
    Blocked,
    /// Trying the same again gives the same answer: something must change first.
    Permanent,
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_name_is_the_serde_name() {
        for code in [
            ErrorCode::InvalidAmount,
            ErrorCode::OrderNotFound,
            ErrorCode::TemporarilyBlocked,
            ErrorCode::CaptchaNotConfigured,
            ErrorCode::Internal,
        ] {
            assert_eq!(
                serde_json::to_string(&code).unwrap(),
                format!("\"{}\"", code.as_str())
            );
        }
    }
}

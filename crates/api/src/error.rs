use std::time::Duration;

use cardcoins_core::{ErrorCode, ErrorKind, ImageSlot, Reason};
pub use cardcoins_http::NetworkErrorKind;
use thiserror::Error;

/// Everything that can go wrong talking to CardCoins or to the image store.
///
/// A UI branches on [`ApiError::code`], never on words. `Display` says what happened and what to
/// do, followed by the server's own words when it gave any ([`ApiError::server_message`]). No
/// text here ever holds a full order ID, only its redacted form, because an order ID is a bearer
/// secret.
#[derive(Debug, Error)]
pub enum ApiError {
    /// 400 to a request that is not one of the order's steps (creating or updating an order).
    #[error("CardCoins refused the request.{}", said(.message))]
    BadRequest { message: String },

    /// 400 to one of the order's steps. The reference gives the reasons only in words, so what
    /// the step may need next (a new code, a captcha, names) is offered by the step, not read
    /// from the words.
    #[error("{}{}", .request.refusal(), said(.message))]
    Refused {
        request: RefusedRequest,
        message: String,
    },

    /// 403: refused because of the order's state, the method, or the network address failed the
    /// geolocation check (the reference's three reasons).
    #[error("CardCoins did not allow this: the order may have moved on to another step, or this network location is not served.{}", said(.message))]
    Forbidden { message: String },

    /// 404: the order does not exist (any more): it expired or was cancelled.
    #[error("The order {order} was not found: it may have expired or been cancelled. Start a new order.")]
    NotFound {
        /// The redacted order ID ("yD1…"), or "requested" when the call had none.
        order: String,
    },

    /// A 429, or an answer that was not CardCoins' JSON (a firewall's or CDN's page, whatever its
    /// status): the reference warns that the firewall blocks addresses that exceed its limits.
    /// Never retried automatically: every attempt prolongs a block.
    #[error("CardCoins is refusing requests from this network for a while: too many requests, a VPN, or the location may be the reason. {}", wait_advice(.retry_after))]
    Blocked {
        status: u16,
        retry_after: Option<Duration>,
    },

    /// 500 and other 5xx except 503: a problem on the server's side.
    #[error("CardCoins had a server problem (HTTP {status}). Try again in a few minutes; contact support if it keeps happening.{}", said(.message))]
    Server { status: u16, message: String },

    /// 503: CardCoins is offline for maintenance.
    #[error("CardCoins is offline for maintenance. Try again later.{}", said(.message))]
    Maintenance { message: String },

    /// The request did not get an HTTP answer.
    #[error("{}", network_text(.kind, .detail))]
    Network {
        kind: NetworkErrorKind,
        detail: String,
    },

    /// The image store (S3) refused or failed the upload.
    #[error("{kind}")]
    Upload { kind: UploadErrorKind },

    /// The image file to upload could not be read.
    #[error("Could not read the image file {path}: {reason}. Check that the file exists and is readable.")]
    ImageFile { path: String, reason: String },

    /// The server answered JSON whose documented fields this client cannot read.
    #[error(
        "CardCoins sent an answer this app could not read ({detail}). The app may need an update."
    )]
    Decode { detail: String },

    /// The client was configured wrongly (bad base URL, plain http to a remote host, bad proxy):
    /// which setting and how, in catalog words the app shows in the seller's language.
    #[error("{reason}")]
    Config { reason: Reason },
}

/// The step whose request CardCoins refused with a 400.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusedRequest {
    /// Phone Number Verification - Dispatch.
    SendCode,
    /// Phone Number Verification - Submit.
    SubmitCode,
    /// Address/Invoice - Submit.
    Payment,
    /// Image Presign.
    Presign,
    /// Image Verify.
    Verify,
}

impl RefusedRequest {
    fn refusal(self) -> &'static str {
        match self {
            RefusedRequest::SendCode => "CardCoins did not send a code. Check the number, then solve a new captcha and ask again.",
            RefusedRequest::SubmitCode => "CardCoins did not accept the code. Check it and type it again, or ask for a new code; after several tries CardCoins also wants a new captcha with the code.",
            RefusedRequest::Payment => "CardCoins did not accept the payout details. Check the address or invoice; CardCoins may also need your first and last name, or a new captcha after several tries.",
            RefusedRequest::Presign => "CardCoins did not accept this photo for upload. Check that it is a JPEG or PNG under 5 MB.",
            RefusedRequest::Verify => "CardCoins did not start the review. Check that every photo it asks for is uploaded.",
        }
    }
}

/// Why the image store refused an upload.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UploadErrorKind {
    /// The presigned policy expired before the upload arrived (it lives 15 seconds).
    #[error("The upload permission expired before the photo arrived. Upload it again.")]
    PolicyExpired,
    /// The file is larger than the store accepts.
    #[error("The photo is too large for the image store{}. Prepare a smaller photo and upload it again.", size_words(*.proposed, *.max_allowed))]
    TooLarge {
        proposed: Option<u64>,
        max_allowed: Option<u64>,
    },
    /// The store refused the upload for another reason (bad policy, signature, fields).
    #[error("The image store refused the photo ({code}: {message}). Upload it again; contact support if it keeps happening.")]
    Refused {
        status: u16,
        code: String,
        message: String,
    },
    /// The store is failing or throttling (5xx, SlowDown): worth repeating.
    #[error(
        "The image store is busy or failing (HTTP {status}). Upload the photo again in a moment."
    )]
    Unavailable { status: u16 },
}

/// What exactly is wrong with the proxy goes to the log: its words are the HTTP crate's English.
impl From<cardcoins_http::BadProxy> for ApiError {
    fn from(bad: cardcoins_http::BadProxy) -> Self {
        tracing::warn!(%bad, "unusable proxy");
        ApiError::Config {
            reason: Reason::new("reason-proxy-unusable"),
        }
    }
}

impl ApiError {
    /// True when repeating the same request soon may succeed. Automatic retries use this, and
    /// only for requests that are safe to repeat. Rate limiting is not transient: repeating it
    /// prolongs the block.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Server { .. } | ApiError::Maintenance { .. } => true,
            ApiError::Network { kind, .. } => kind.is_transient(),
            ApiError::Upload { kind } => matches!(
                kind,
                UploadErrorKind::Unavailable { .. } | UploadErrorKind::PolicyExpired
            ),
            ApiError::BadRequest { .. }
            | ApiError::Refused { .. }
            | ApiError::Forbidden { .. }
            | ApiError::NotFound { .. }
            | ApiError::Blocked { .. }
            | ApiError::ImageFile { .. }
            | ApiError::Decode { .. }
            | ApiError::Config { .. } => false,
        }
    }

    /// Whether trying again can help, for the app and the command line to read.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ApiError::Blocked { .. } => ErrorKind::Blocked,
            error if error.is_transient() => ErrorKind::Transient,
            _ => ErrorKind::Permanent,
        }
    }

    /// How long the server asked us to wait, when it said.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiError::Blocked { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// What the server itself said about the failure, already scrubbed of the order ID; `None`
    /// when it said nothing. Shown beside the app's own words, never branched on.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ApiError::BadRequest { message }
            | ApiError::Refused { message, .. }
            | ApiError::Forbidden { message }
            | ApiError::Server { message, .. }
            | ApiError::Maintenance { message } => {
                Some(message.as_str()).filter(|text| !text.trim().is_empty())
            }
            ApiError::Upload {
                kind: UploadErrorKind::Refused { message, .. },
            } => Some(message.as_str()).filter(|text| !text.trim().is_empty()),
            _ => None,
        }
    }

    /// The image slots a refusal names by their API identifiers: a presign or verify refusal
    /// may say which photos the order needs that this app did not know of.
    pub fn named_image_slots(&self) -> Vec<ImageSlot> {
        self.server_message()
            .map(ImageSlot::named_in)
            .unwrap_or_default()
    }

    /// The code UIs and scripts branch on.
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::BadRequest { .. } => ErrorCode::BadRequest,
            ApiError::Refused { request, .. } => match request {
                RefusedRequest::SendCode => ErrorCode::SendRefused,
                RefusedRequest::SubmitCode => ErrorCode::CodeRefused,
                RefusedRequest::Payment => ErrorCode::PaymentRefused,
                RefusedRequest::Presign | RefusedRequest::Verify => ErrorCode::PhotosRefused,
            },
            ApiError::Forbidden { .. } => ErrorCode::Forbidden,
            ApiError::NotFound { .. } => ErrorCode::OrderNotFound,
            ApiError::Blocked { .. } => ErrorCode::TemporarilyBlocked,
            ApiError::Server { .. } => ErrorCode::ServerError,
            ApiError::Maintenance { .. } => ErrorCode::Maintenance,
            ApiError::Network { kind, .. } => match kind {
                NetworkErrorKind::Timeout => ErrorCode::Timeout,
                NetworkErrorKind::Tls => ErrorCode::SecureConnectionFailed,
                NetworkErrorKind::Offline | NetworkErrorKind::Other => ErrorCode::Offline,
            },
            ApiError::Upload { kind } => match kind {
                UploadErrorKind::PolicyExpired => ErrorCode::UploadExpired,
                UploadErrorKind::TooLarge { .. } => ErrorCode::UploadTooLarge,
                UploadErrorKind::Refused { .. } | UploadErrorKind::Unavailable { .. } => {
                    ErrorCode::UploadRefused
                }
            },
            ApiError::ImageFile { .. } => ErrorCode::PhotoUnreadable,
            ApiError::Decode { .. } => ErrorCode::UnreadableAnswer,
            ApiError::Config { .. } => ErrorCode::InvalidSettings,
        }
    }

    /// A 400 from one of the order's steps, named after that step.
    pub(crate) fn into_refusal_of(self, request: RefusedRequest) -> ApiError {
        match self {
            ApiError::BadRequest { message } => ApiError::Refused { request, message },
            other => other,
        }
    }

    /// Classifies a reqwest failure, without its URL: the URL holds the order ID.
    pub(crate) fn from_transport(error: reqwest::Error) -> ApiError {
        let failure = cardcoins_http::classify(error);
        ApiError::Network {
            kind: failure.kind,
            detail: failure.detail,
        }
    }
}

fn network_text(kind: &NetworkErrorKind, detail: &str) -> String {
    let lead = match kind {
        NetworkErrorKind::Offline => {
            "Could not connect to CardCoins. Check the internet connection (and the proxy, if one is set)"
        }
        NetworkErrorKind::Timeout => {
            "CardCoins took too long to answer. Check the connection and try again"
        }
        NetworkErrorKind::Tls => {
            "The secure connection to CardCoins failed. Check the system clock and any proxy or filter that intercepts HTTPS"
        }
        NetworkErrorKind::Other => "The connection to CardCoins broke off. Try again",
    };
    if detail.is_empty() {
        format!("{lead}.")
    } else {
        format!("{lead}. ({detail})")
    }
}

fn wait_advice(retry_after: &Option<Duration>) -> String {
    match retry_after {
        Some(wait) if wait.as_secs() >= 120 => {
            format!(
                "Wait about {} minutes before trying again.",
                wait.as_secs().div_ceil(60)
            )
        }
        Some(wait) => format!(
            "Wait about {} seconds before trying again.",
            wait.as_secs().max(1)
        ),
        None => "Wait a few minutes before trying again.".to_string(),
    }
}

/// The server's own words after the app's, when it gave any.
fn said(message: &str) -> String {
    if message.trim().is_empty() {
        String::new()
    } else {
        format!(" CardCoins said: \"{}\"", message.trim())
    }
}

fn size_words(proposed: Option<u64>, max_allowed: Option<u64>) -> String {
    match (proposed, max_allowed) {
        (Some(proposed), Some(max)) => format!(" ({proposed} bytes; at most {max} are allowed)"),
        (None, Some(max)) => format!(" (at most {max} bytes are allowed)"),
        (Some(proposed), None) => format!(" ({proposed} bytes)"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_says_to_wait() {
        let error = ApiError::Blocked {
            status: 429,
            retry_after: Some(Duration::from_secs(600)),
        };
        assert!(error.to_string().contains("10 minutes"), "{error}");
        assert!(!error.is_transient());
        assert_eq!(error.code(), ErrorCode::TemporarilyBlocked);
    }

    #[test]
    fn a_refused_step_gets_its_own_code_and_keeps_the_servers_words() {
        let error = ApiError::BadRequest {
            message: "Nope. Missing: GovidImageBack".into(),
        }
        .into_refusal_of(RefusedRequest::Verify);
        assert_eq!(error.code(), ErrorCode::PhotosRefused);
        assert_eq!(
            error.server_message(),
            Some("Nope. Missing: GovidImageBack")
        );
        assert_eq!(error.named_image_slots(), vec![ImageSlot::GovidImageBack]);
        assert!(error
            .to_string()
            .ends_with("CardCoins said: \"Nope. Missing: GovidImageBack\""));
        let quiet = ApiError::Refused {
            request: RefusedRequest::SubmitCode,
            message: String::new(),
        };
        assert_eq!(quiet.server_message(), None);
        assert!(!quiet.to_string().contains("said"));
    }

    #[test]
    fn transient_split() {
        assert!(ApiError::Server {
            status: 500,
            message: String::new()
        }
        .is_transient());
        assert!(ApiError::Maintenance {
            message: String::new()
        }
        .is_transient());
        assert!(!ApiError::BadRequest {
            message: "x".into()
        }
        .is_transient());
        assert!(!ApiError::Network {
            kind: NetworkErrorKind::Tls,
            detail: String::new()
        }
        .is_transient());
        assert!(ApiError::Upload {
            kind: UploadErrorKind::PolicyExpired
        }
        .is_transient());
    }
}

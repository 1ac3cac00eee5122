use std::io;
use std::time::Duration;

use thiserror::Error;

/// Everything that can go wrong talking to CardCoins or to the image store.
///
/// A UI branches on the variant (or on [`ApiError::code`]) and shows `Display` as is: the text says
/// what happened and what to do. No text here ever holds a full order ID, only its redacted form,
/// because an order ID is a bearer secret.
#[derive(Debug, Error)]
pub enum ApiError {
    /// 400: the server found the request malformed or invalid.
    #[error("CardCoins refused the request: {message}")]
    BadRequest { message: String },

    /// 403: refused because of the order's state, or the network address failed the geolocation
    /// check.
    #[error("CardCoins did not allow this: {message}")]
    Forbidden { message: String },

    /// 404: the order does not exist (any more): it expired or was cancelled.
    #[error("The order {order} was not found: it may have expired or been cancelled. Start a new order.")]
    NotFound {
        /// The redacted order ID ("yD1…"), or "requested" when the call had none.
        order: String,
    },

    /// 429: the CardCoins firewall has blocked this network address for a while. Never retried
    /// automatically: every attempt prolongs the block.
    #[error("CardCoins has blocked requests from this network address for a while (too many requests). {}", wait_advice(.retry_after))]
    RateLimited { retry_after: Option<Duration> },

    /// 500 and other 5xx except 503: a problem on the server's side.
    #[error("CardCoins had a server problem (HTTP {status}). Try again in a few minutes; contact support if it keeps happening.")]
    Server { status: u16, message: String },

    /// 503: CardCoins is offline for maintenance.
    #[error("CardCoins is offline for maintenance{}. Try again later.", server_words(.message))]
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

    /// The server answered something this client cannot read.
    #[error(
        "CardCoins sent an answer this app could not read ({detail}). The app may need an update."
    )]
    Decode { detail: String },

    /// The client was configured wrongly (bad base URL, plain http to a remote host, bad proxy).
    #[error("{message}")]
    Config { message: String },
}

/// Why a request got no HTTP answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkErrorKind {
    /// No connection could be made: offline, DNS failure, refused, or the proxy is down.
    Offline,
    /// The connection or the whole request took too long.
    Timeout,
    /// The secure connection failed (certificate or handshake).
    Tls,
    /// The connection broke in some other way (reset, closed early, bad HTTP).
    Other,
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

impl ApiError {
    /// True when repeating the same request soon may succeed. Automatic retries use this, and
    /// only for requests that are safe to repeat. Rate limiting is not transient: repeating it
    /// prolongs the block.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Server { .. } | ApiError::Maintenance { .. } => true,
            ApiError::Network { kind, .. } => *kind != NetworkErrorKind::Tls,
            ApiError::Upload { kind } => matches!(
                kind,
                UploadErrorKind::Unavailable { .. } | UploadErrorKind::PolicyExpired
            ),
            ApiError::BadRequest { .. }
            | ApiError::Forbidden { .. }
            | ApiError::NotFound { .. }
            | ApiError::RateLimited { .. }
            | ApiError::ImageFile { .. }
            | ApiError::Decode { .. }
            | ApiError::Config { .. } => false,
        }
    }

    /// How long the server asked us to wait, when it said.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiError::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }

    /// A stable machine-readable code for UIs and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { .. } => "bad_request",
            ApiError::Forbidden { .. } => "forbidden",
            ApiError::NotFound { .. } => "not_found",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::Server { .. } => "server_error",
            ApiError::Maintenance { .. } => "maintenance",
            ApiError::Network { kind, .. } => match kind {
                NetworkErrorKind::Offline => "offline",
                NetworkErrorKind::Timeout => "timeout",
                NetworkErrorKind::Tls => "tls",
                NetworkErrorKind::Other => "network",
            },
            ApiError::Upload { kind } => match kind {
                UploadErrorKind::PolicyExpired => "upload_policy_expired",
                UploadErrorKind::TooLarge { .. } => "upload_too_large",
                UploadErrorKind::Refused { .. } => "upload_refused",
                UploadErrorKind::Unavailable { .. } => "upload_unavailable",
            },
            ApiError::ImageFile { .. } => "image_file",
            ApiError::Decode { .. } => "decode",
            ApiError::Config { .. } => "config",
        }
    }

    /// Classifies a reqwest failure. The URL is stripped first: it holds the order ID.
    pub(crate) fn from_transport(error: reqwest::Error) -> ApiError {
        let error = error.without_url();
        let detail = source_chain(&error);
        let kind = if error.is_timeout() || chain_has_io_kind(&error, io::ErrorKind::TimedOut) {
            NetworkErrorKind::Timeout
        } else if chain_has_tls_error(&error) {
            NetworkErrorKind::Tls
        } else if error.is_connect() {
            NetworkErrorKind::Offline
        } else {
            NetworkErrorKind::Other
        };
        ApiError::Network { kind, detail }
    }
}

/// The error and its causes, joined. reqwest's own text is generic ("error sending request");
/// the cause ("tcp connect error: Connection refused") is what helps.
fn source_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|part| part.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    parts.join(": ")
}

/// Every error in the chain, including the ones io::Error wraps (its `source()` skips them, and
/// TLS failures arrive as an io::Error inside an io::Error).
fn chain<'a>(
    error: &'a (dyn std::error::Error + 'static),
) -> Vec<&'a (dyn std::error::Error + 'static)> {
    let mut found = Vec::new();
    let mut pending = vec![error];
    while let Some(current) = pending.pop() {
        if found.len() > 32 {
            break;
        }
        found.push(current);
        if let Some(inner) = current
            .downcast_ref::<io::Error>()
            .and_then(|io_error| io_error.get_ref())
        {
            pending.push(inner);
        }
        if let Some(source) = current.source() {
            pending.push(source);
        }
    }
    found
}

fn chain_has_tls_error(error: &(dyn std::error::Error + 'static)) -> bool {
    chain(error)
        .iter()
        .any(|cause| cause.downcast_ref::<rustls::Error>().is_some())
}

fn chain_has_io_kind(error: &(dyn std::error::Error + 'static), kind: io::ErrorKind) -> bool {
    chain(error).iter().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io_error| io_error.kind() == kind)
    })
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

fn server_words(message: &str) -> String {
    if message.is_empty() {
        String::new()
    } else {
        format!(" ({message})")
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
    fn rate_limit_text_says_to_wait() {
        let error = ApiError::RateLimited {
            retry_after: Some(Duration::from_secs(600)),
        };
        assert!(error.to_string().contains("10 minutes"), "{error}");
        assert!(!error.is_transient());
        assert_eq!(error.code(), "rate_limited");
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

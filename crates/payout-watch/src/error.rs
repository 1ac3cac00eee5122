use std::io;
use std::time::Duration;

use thiserror::Error;

/// Everything that can go wrong asking the blockchain server about a payout.
///
/// [`WatchError::is_transient`] splits them: transient ones pass by themselves (keep polling,
/// backing off); permanent ones need the user (a wrong server address, a server that is not
/// Esplora). No text here holds the payout address: the request URL is dropped from every
/// transport error.
#[derive(Debug, Error)]
pub enum WatchError {
    /// The request got no HTTP answer.
    #[error("{}", network_text(.kind, .detail))]
    Network {
        kind: NetworkErrorKind,
        detail: String,
    },

    /// 5xx: the server is down or failing.
    #[error(
        "The blockchain server is failing (HTTP {status}). Watching continues and will try again."
    )]
    Unavailable { status: u16 },

    /// 429: the server wants fewer requests.
    #[error("The blockchain server asks for fewer requests. Watching slows down and continues.")]
    RateLimited { retry_after: Option<Duration> },

    /// Any other 4xx, or a 404 where an answer must exist: the address does not point at an
    /// Esplora API, or the server refuses this request.
    #[error("The blockchain server refused the request (HTTP {status}). Check its address in the settings: it must be an Esplora API such as https://blockstream.info/api.")]
    Refused { status: u16 },

    /// A success whose body is not Esplora's answer.
    #[error("The blockchain server sent an answer this app cannot read ({detail}). Check that its address in the settings points at an Esplora API.")]
    Unreadable { detail: String },

    /// The watch was set up wrongly: a bad server or proxy address, plain http to a remote
    /// host, an address that is not a mainnet bitcoin address.
    #[error("{message}")]
    Config { message: String },
}

/// Why a request got no HTTP answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkErrorKind {
    /// No connection: offline, DNS failure, refused, or the proxy (Tor) is not running.
    Offline,
    /// The connection or the whole request took too long.
    Timeout,
    /// The secure connection failed (certificate or handshake).
    Tls,
    /// The connection broke in some other way.
    Other,
}

impl WatchError {
    /// True when polling again later may succeed without anyone changing anything.
    pub fn is_transient(&self) -> bool {
        match self {
            WatchError::Network { kind, .. } => *kind != NetworkErrorKind::Tls,
            WatchError::Unavailable { .. } | WatchError::RateLimited { .. } => true,
            WatchError::Refused { .. }
            | WatchError::Unreadable { .. }
            | WatchError::Config { .. } => false,
        }
    }

    /// How long the server asked us to wait, when it said.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            WatchError::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }

    pub(crate) fn unreadable(detail: impl Into<String>) -> WatchError {
        WatchError::Unreadable {
            detail: detail.into(),
        }
    }

    /// Classifies a reqwest failure. The URL goes first: it holds the payout address.
    pub(crate) fn from_transport(error: reqwest::Error) -> WatchError {
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
        WatchError::Network { kind, detail }
    }
}

/// The error and its causes, joined: reqwest's own words are generic, the cause is what helps.
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

/// Every error in the chain, including those an io::Error wraps (its `source()` skips them).
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
            "Could not connect to the blockchain server. Check the internet connection (and the proxy or Tor, if one is set)"
        }
        NetworkErrorKind::Timeout => "The blockchain server took too long to answer",
        NetworkErrorKind::Tls => {
            "The secure connection to the blockchain server failed. Check the system clock and any proxy or filter that intercepts HTTPS"
        }
        NetworkErrorKind::Other => "The connection to the blockchain server broke off",
    };
    if detail.is_empty() {
        format!("{lead}.")
    } else {
        format!("{lead}. ({detail})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_and_permanent() {
        let transient = [
            WatchError::Network {
                kind: NetworkErrorKind::Timeout,
                detail: String::new(),
            },
            WatchError::Unavailable { status: 503 },
            WatchError::RateLimited { retry_after: None },
        ];
        assert!(transient.iter().all(WatchError::is_transient));
        let permanent = [
            WatchError::Network {
                kind: NetworkErrorKind::Tls,
                detail: String::new(),
            },
            WatchError::Refused { status: 400 },
            WatchError::unreadable("x"),
            WatchError::Config {
                message: "x".into(),
            },
        ];
        assert!(!permanent.iter().any(WatchError::is_transient));
    }

    #[test]
    fn a_rate_limit_says_how_long() {
        let error = WatchError::RateLimited {
            retry_after: Some(Duration::from_secs(30)),
        };
        assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
        assert_eq!(WatchError::Refused { status: 400 }.retry_after(), None);
    }
}

use std::time::Duration;

pub use cardcoins_http::NetworkErrorKind;
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

impl From<cardcoins_http::BadProxy> for WatchError {
    fn from(bad: cardcoins_http::BadProxy) -> Self {
        WatchError::Config {
            message: bad.to_string(),
        }
    }
}

impl WatchError {
    /// True when polling again later may succeed without anyone changing anything.
    pub fn is_transient(&self) -> bool {
        match self {
            WatchError::Network { kind, .. } => kind.is_transient(),
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

    /// Classifies a reqwest failure, without its URL: the URL holds the payout address.
    pub(crate) fn from_transport(error: reqwest::Error) -> WatchError {
        let failure = cardcoins_http::classify(error);
        WatchError::Network {
            kind: failure.kind,
            detail: failure.detail,
        }
    }
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

use std::io;

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

impl NetworkErrorKind {
    /// True when the same request may get through later with nothing changed. A TLS failure
    /// needs a person: a wrong clock, or something intercepting HTTPS.
    pub fn is_transient(self) -> bool {
        self != NetworkErrorKind::Tls
    }
}

/// A request that got no HTTP answer: its kind, and the causes in words, without the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportFailure {
    pub kind: NetworkErrorKind,
    /// reqwest's error and its causes, joined: its own words are generic ("error sending
    /// request"), the cause ("tcp connect error: Connection refused") is what helps.
    pub detail: String,
}

/// Classifies a reqwest failure. The URL is dropped first: it can hold an order ID or a payout
/// address.
pub fn classify(error: reqwest::Error) -> TransportFailure {
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
    TransportFailure { kind, detail }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tls_needs_a_person() {
        assert!(NetworkErrorKind::Offline.is_transient());
        assert!(NetworkErrorKind::Timeout.is_transient());
        assert!(NetworkErrorKind::Other.is_transient());
        assert!(!NetworkErrorKind::Tls.is_transient());
    }

    #[test]
    fn a_nested_io_error_is_found() {
        let inner = io::Error::new(io::ErrorKind::TimedOut, "slow");
        let outer = io::Error::other(inner);
        assert!(chain_has_io_kind(&outer, io::ErrorKind::TimedOut));
        assert!(!chain_has_tls_error(&outer));
        let tls = io::Error::other(rustls::Error::General("bad".into()));
        assert!(chain_has_tls_error(&tls));
    }
}

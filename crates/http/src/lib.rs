//! The HTTP transport that `cardcoins-api` and `cardcoins-payout-watch` share, so that both
//! build their clients, read proxy addresses and name network failures the same way.
//!
//! - [`client_builder`]: a `reqwest::ClientBuilder` with the process's TLS provider in place.
//! - [`parse_proxy`]: a proxy address a person typed, checked, with words that say what to fix.
//! - [`classify`]: why a request got no HTTP answer, with the URL (which may hold a secret) gone.
//! - [`is_loopback`]: the only hosts plain http may reach.

mod failure;
mod proxy;
mod tls;

pub use failure::{classify, NetworkErrorKind, TransportFailure};
pub use proxy::{parse_proxy, BadProxy};
pub use tls::{client_builder, install_crypto_provider};

use url::{Host, Url};

/// True for 127.0.0.0/8, ::1 and `localhost`: the hosts plain http may reach, because nothing
/// on the way can read it.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for yes in [
            "http://127.0.0.1:1/",
            "http://127.5.6.7/",
            "http://[::1]:9/",
            "http://LOCALHOST/",
        ] {
            assert!(is_loopback(&Url::parse(yes).unwrap()), "{yes}");
        }
        for no in [
            "http://192.168.1.2/",
            "http://localhost.evil.com/",
            "http://[::2]/",
            "file:///tmp/x",
        ] {
            assert!(!is_loopback(&Url::parse(no).unwrap()), "{no}");
        }
    }
}

use std::time::Duration;

use cardcoins_http::is_loopback;
use url::{Host, Url};

use crate::client::EsploraClient;
use crate::error::WatchError;

/// A public Esplora server. The payout address goes to whichever server is used; the user's own
/// server keeps it private.
pub const DEFAULT_ESPLORA_URL: &str = "https://blockstream.info/api";

/// Configures an [`EsploraClient`]:
///
/// ```no_run
/// # fn demo() -> Result<(), cardcoins_payout_watch::WatchError> {
/// let client = cardcoins_payout_watch::EsploraClient::builder()
///     .base_url("https://blockstream.info/api")
///     .proxy("socks5h://127.0.0.1:9050")
///     .build()?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct EsploraClientBuilder {
    base_url: String,
    proxy: Option<String>,
    user_agent: Option<String>,
    connect_timeout: Duration,
    timeout: Duration,
}

impl Default for EsploraClientBuilder {
    fn default() -> Self {
        EsploraClientBuilder {
            base_url: DEFAULT_ESPLORA_URL.to_string(),
            proxy: None,
            user_agent: None,
            connect_timeout: Duration::from_secs(15),
            // Over Tor, a busy public server can take a while with a long address history.
            timeout: Duration::from_secs(30),
        }
    }
}

impl EsploraClientBuilder {
    /// The Esplora API root, such as `https://blockstream.info/api` or a sandbox's
    /// `http://127.0.0.1:PORT/esplora/api`. Plain http is accepted for loopback hosts, and for
    /// `.onion` hosts when a proxy is set (Tor encrypts those itself).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Routes every request through a proxy: `http://`, `https://`, `socks5://` or `socks5h://`
    /// (names resolved at the proxy, as Tor needs). Without this, no proxy is used, whatever the
    /// environment says.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }

    /// Sent as `User-Agent`. None by default: naming the app to a public server would tie the
    /// payout address to CardCoins.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// How long to wait for a connection.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one request may take, answer included.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn build(self) -> Result<EsploraClient, WatchError> {
        let base = parse_base_url(&self.base_url, self.proxy.is_some())?;
        let mut http = cardcoins_http::client_builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            // Esplora never redirects; following one could downgrade to plain http.
            .redirect(reqwest::redirect::Policy::none());
        if let Some(user_agent) = self.user_agent {
            http = http.user_agent(user_agent);
        }
        http = match self.proxy {
            Some(proxy) => http.proxy(cardcoins_http::parse_proxy(&proxy)?),
            None => http.no_proxy(),
        };
        let http = http.build().map_err(|error| WatchError::Config {
            message: format!(
                "The HTTP client could not be set up: {}",
                error.without_url()
            ),
        })?;
        Ok(EsploraClient::from_parts(http, base))
    }
}

fn parse_base_url(input: &str, proxied: bool) -> Result<Url, WatchError> {
    let bad = |why: String| {
        WatchError::Config {
        message: format!(
            "The blockchain server address {input:?} is not usable: {why}. Use one like {DEFAULT_ESPLORA_URL}."
        ),
    }
    };
    let url = Url::parse(input.trim()).map_err(|error| bad(error.to_string()))?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("it must not have a query or fragment".to_string()));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) || (proxied && is_onion(&url)) => Ok(url),
        "http" => Err(bad(
            "plain http to a remote host would show the payout address to anyone on the way; use https (plain http is allowed only for this machine, or for a .onion server through Tor)".to_string(),
        )),
        other => Err(bad(format!("the scheme {other:?} is not https"))),
    }
}

fn is_onion(url: &Url) -> bool {
    matches!(url.host(), Some(Host::Domain(domain)) if domain.to_ascii_lowercase().ends_with(".onion"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_this_machine_or_an_onion_through_a_proxy() {
        for ok in [
            "https://blockstream.info/api",
            "https://mempool.space/api/",
            "http://127.0.0.1:8787/esplora/api",
            "http://[::1]:9/api",
            "http://localhost:1/api",
        ] {
            assert!(parse_base_url(ok, false).is_ok(), "{ok}");
        }
        let onion = "http://explorerzydxu5ecjrkwceayqybizmpjjznk5izmitf2modhcusuqlid.onion/api";
        assert!(parse_base_url(onion, true).is_ok());
        for bad in [
            onion,
            "http://blockstream.info/api",
            "http://192.168.1.2/api",
            "http://localhost.evil.com/api",
            "ftp://127.0.0.1/api",
            "https://blockstream.info/api?x=1",
            "not a url",
        ] {
            assert!(
                matches!(parse_base_url(bad, false), Err(WatchError::Config { .. })),
                "{bad}"
            );
        }
    }
}

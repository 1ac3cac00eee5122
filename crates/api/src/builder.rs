use std::time::Duration;

use cardcoins_core::Reason;
use cardcoins_http::is_loopback;
use url::Url;

use crate::client::ApiClient;
use crate::error::ApiError;
use crate::retry::RetryPolicy;

/// The production API.
pub const DEFAULT_BASE_URL: &str = "https://api.cardcoins.co/v2";

/// What the client calls itself: the app and its version.
pub const DEFAULT_USER_AGENT: &str = concat!("CardCoins-Desktop/", env!("CARGO_PKG_VERSION"));

/// Configures an [`ApiClient`]. Every setting has a sensible default:
///
/// ```no_run
/// # fn demo() -> Result<(), cardcoins_api::ApiError> {
/// let client = cardcoins_api::ApiClient::builder()
///     .base_url("http://127.0.0.1:8080/v2")
///     .proxy("socks5h://127.0.0.1:9050")
///     .build()?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct ApiClientBuilder {
    base_url: String,
    proxy: Option<String>,
    user_agent: String,
    connect_timeout: Duration,
    timeout: Duration,
    upload_timeout: Duration,
    retry: RetryPolicy,
}

impl Default for ApiClientBuilder {
    fn default() -> Self {
        ApiClientBuilder {
            base_url: DEFAULT_BASE_URL.to_string(),
            proxy: None,
            user_agent: DEFAULT_USER_AGENT.to_string(),
            connect_timeout: Duration::from_secs(15),
            timeout: Duration::from_secs(30),
            // A 5 MB photo over Tor can take a minute or more.
            upload_timeout: Duration::from_secs(180),
            retry: RetryPolicy::default(),
        }
    }
}

impl ApiClientBuilder {
    /// The API root, such as `https://api.cardcoins.co/v2` or a sandbox's
    /// `http://127.0.0.1:PORT/v2`. Plain http is accepted only for loopback hosts.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Routes every request (the image upload included) through a proxy: `http://`, `https://`,
    /// `socks5://` or `socks5h://` (resolves names at the proxy, as Tor needs). Without this,
    /// no proxy is used, whatever the environment says.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }

    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// How long to wait for a connection.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one API request may take, answer included.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long one image upload may take.
    pub fn upload_timeout(mut self, timeout: Duration) -> Self {
        self.upload_timeout = timeout;
        self
    }

    /// How safe requests are repeated after transient failures.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    pub fn build(self) -> Result<ApiClient, ApiError> {
        let base = parse_base_url(&self.base_url)?;
        let mut http = cardcoins_http::client_builder()
            .user_agent(self.user_agent)
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            // The API never redirects; following one could downgrade to plain http or carry the
            // order ID somewhere unexpected.
            .redirect(reqwest::redirect::Policy::none());
        http = match self.proxy {
            Some(proxy) => http.proxy(cardcoins_http::parse_proxy(&proxy)?),
            None => http.no_proxy(),
        };
        let http = http.build().map_err(|error| {
            tracing::warn!(error = %error.without_url(), "the HTTP client could not be set up");
            ApiError::Config {
                reason: Reason::new("error-code-invalid_settings"),
            }
        })?;
        Ok(ApiClient::from_parts(
            http,
            base,
            self.retry,
            self.upload_timeout,
        ))
    }
}

fn parse_base_url(input: &str) -> Result<Url, ApiError> {
    let refused = |id| ApiError::Config {
        reason: Reason::new(id)
            .with("address", input.trim())
            .with("example", DEFAULT_BASE_URL),
    };
    let url = Url::parse(input.trim()).map_err(|_| refused("reason-server-address-invalid"))?;
    require_secure_transport(&url, Endpoint::Server)?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(refused("reason-server-address-query"));
    }
    Ok(url)
}

/// Whose address is checked: the seller's setting, or one CardCoins handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Endpoint {
    Server,
    ImageStore,
}

/// Plain http leaks the order ID to anyone on the path, so it is allowed only to this machine.
pub(crate) fn require_secure_transport(url: &Url, endpoint: Endpoint) -> Result<(), ApiError> {
    let (plain_http, scheme) = match endpoint {
        Endpoint::Server => (
            "reason-server-address-plain-http",
            "reason-server-address-scheme",
        ),
        Endpoint::ImageStore => ("reason-image-store-plain-http", "reason-image-store-scheme"),
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(url) => Ok(()),
        "http" => Err(ApiError::Config {
            reason: Reason::new(plain_http),
        }),
        other => Err(ApiError::Config {
            reason: Reason::new(scheme).with("scheme", other),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_loopback() {
        for ok in [
            "https://api.cardcoins.co/v2",
            "http://127.0.0.1:8080/v2",
            "http://[::1]:9/v2",
            "http://localhost:1/v2",
            "http://127.5.6.7/v2",
        ] {
            assert!(parse_base_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://api.cardcoins.co/v2",
            "http://192.168.1.2/v2",
            "http://localhost.evil.com/v2",
            "ftp://127.0.0.1/v2",
            "not a url",
            "https://api.cardcoins.co/v2?x=1",
        ] {
            let error = parse_base_url(bad).expect_err(bad);
            assert_eq!(error.code(), cardcoins_core::ErrorCode::InvalidSettings);
            let ApiError::Config { reason } = &error else {
                panic!("{bad}: {error:?}");
            };
            reason.check().unwrap_or_else(|problem| panic!("{problem}"));
        }
    }

    #[test]
    fn user_agent_names_the_app() {
        assert!(DEFAULT_USER_AGENT.starts_with("CardCoins-Desktop/"));
    }
}

use thiserror::Error;
use url::Url;

/// A proxy address that cannot be used, with what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("The proxy address is not usable: {why}. Use one like socks5h://127.0.0.1:9050 (Tor) or http://127.0.0.1:8080.")]
pub struct BadProxy {
    why: String,
}

/// Reads a proxy address: `http://`, `https://`, `socks5://` or `socks5h://` (names resolved at
/// the proxy, as Tor needs), for every request the client makes.
pub fn parse_proxy(input: &str) -> Result<reqwest::Proxy, BadProxy> {
    let bad = |why: String| BadProxy { why };
    let url = Url::parse(input.trim()).map_err(|error| bad(error.to_string()))?;
    if !matches!(url.scheme(), "http" | "https" | "socks5" | "socks5h") {
        return Err(bad(format!(
            "the scheme {:?} is not one of http, https, socks5, socks5h",
            url.scheme()
        )));
    }
    if url.host().is_none() {
        return Err(bad("it names no host".to_string()));
    }
    reqwest::Proxy::all(url.as_str()).map_err(|error| bad(error.without_url().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxies_are_checked() {
        assert!(parse_proxy("socks5h://127.0.0.1:9050").is_ok());
        assert!(parse_proxy(" http://127.0.0.1:8080 ").is_ok());
        let gopher = parse_proxy("gopher://x").unwrap_err().to_string();
        assert!(gopher.contains("\"gopher\" is not one of"), "{gopher}");
        assert!(gopher.contains("socks5h://127.0.0.1:9050"), "{gopher}");
        assert!(parse_proxy("nonsense").is_err());
    }
}

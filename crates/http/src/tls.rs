use std::sync::Once;

/// Makes ring the process's rustls provider. reqwest is built without a provider of its own:
/// its default, aws-lc-rs, is a second C crypto library to build, and made the app's binary
/// 1.1 MiB larger for nothing ring lacks here. So every `reqwest::Client` needs this first;
/// [`client_builder`] calls it. Calling it again, or after another part of the process installed
/// a provider, changes nothing.
pub fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // An error means a provider is already installed, which is all that is needed.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// A client builder that can build: the TLS provider is installed first. Use it wherever a
/// `reqwest::Client` is made, tests included.
pub fn client_builder() -> reqwest::ClientBuilder {
    install_crypto_provider();
    reqwest::Client::builder()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_builds_and_the_provider_is_ring() {
        client_builder().build().expect("a client builds");
        let provider = rustls::crypto::CryptoProvider::get_default().expect("installed");
        let ring = rustls::crypto::ring::default_provider();
        assert_eq!(provider.cipher_suites.len(), ring.cipher_suites.len());
        install_crypto_provider();
    }
}

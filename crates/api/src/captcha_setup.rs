//! The two values CardCoins issues to each app for the reCAPTCHA check before a text message: the
//! site key, and the hostname registered for the app, on which the check must be solved (the
//! reference: "host the recaptcha check through your app/website's unique hostname").
//!
//! A build takes them from `CARDCOINS_RECAPTCHA_SITE_KEY` and `CARDCOINS_CAPTCHA_HOSTNAME` at
//! compile time; the same variables at run time replace them (the CLI, tests). Both empty means
//! the build has no captcha set up, which is a state to explain, not an error.

use std::fmt;

use thiserror::Error;

const SITE_KEY_VAR: &str = CaptchaSetup::SITE_KEY_VAR;
const HOSTNAME_VAR: &str = CaptchaSetup::HOSTNAME_VAR;

const BUILT_IN_SITE_KEY: Option<&str> = option_env!("CARDCOINS_RECAPTCHA_SITE_KEY");
const BUILT_IN_HOSTNAME: Option<&str> = option_env!("CARDCOINS_CAPTCHA_HOSTNAME");

/// Google's site keys are 40 characters; anything far longer is a paste gone wrong.
const MAX_SITE_KEY_LEN: usize = 100;

/// A site key and the hostname the check is solved on, both checked.
#[derive(Clone, PartialEq, Eq)]
pub struct CaptchaSetup {
    site_key: String,
    hostname: String,
}

/// Why the values given cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CaptchaSetupError {
    #[error("{given} is set but {missing} is empty: CardCoins issues both, and both are needed.")]
    Incomplete {
        given: &'static str,
        missing: &'static str,
    },
    #[error("{SITE_KEY_VAR} is not a reCAPTCHA site key: {0}.")]
    SiteKey(&'static str),
    #[error(
        "{HOSTNAME_VAR} must be a hostname alone, such as desktop.example.com (no https://, port \
         or path): {0}."
    )]
    Hostname(String),
}

impl CaptchaSetup {
    /// The environment variable holding the reCAPTCHA site key.
    pub const SITE_KEY_VAR: &'static str = "CARDCOINS_RECAPTCHA_SITE_KEY";
    /// The environment variable holding the hostname registered for this app.
    pub const HOSTNAME_VAR: &'static str = "CARDCOINS_CAPTCHA_HOSTNAME";

    /// Checks both values; the hostname is kept in lower case.
    pub fn new(site_key: &str, hostname: &str) -> Result<CaptchaSetup, CaptchaSetupError> {
        let site_key = site_key.trim();
        if site_key.is_empty() {
            return Err(CaptchaSetupError::SiteKey("it is empty"));
        }
        if site_key.len() > MAX_SITE_KEY_LEN {
            return Err(CaptchaSetupError::SiteKey(
                "it is far longer than a site key",
            ));
        }
        if !site_key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(CaptchaSetupError::SiteKey(
                "it may hold only letters, digits, - and _",
            ));
        }
        Ok(CaptchaSetup {
            site_key: site_key.to_string(),
            hostname: check_hostname(hostname)?,
        })
    }

    /// The values in effect: the environment's where a variable is set (even to nothing, which
    /// turns the built-in value off), the build's otherwise. `Ok(None)`: neither value is set.
    pub fn from_env() -> Result<Option<CaptchaSetup>, CaptchaSetupError> {
        let read = |name: &str, built_in: Option<&str>| {
            std::env::var(name)
                .ok()
                .or_else(|| built_in.map(str::to_string))
                .unwrap_or_default()
        };
        Self::from_values(
            &read(SITE_KEY_VAR, BUILT_IN_SITE_KEY),
            &read(HOSTNAME_VAR, BUILT_IN_HOSTNAME),
        )
    }

    /// Both empty: not set up. One empty: incomplete. Otherwise both are checked.
    pub fn from_values(
        site_key: &str,
        hostname: &str,
    ) -> Result<Option<CaptchaSetup>, CaptchaSetupError> {
        match (site_key.trim().is_empty(), hostname.trim().is_empty()) {
            (true, true) => Ok(None),
            (false, true) => Err(CaptchaSetupError::Incomplete {
                given: SITE_KEY_VAR,
                missing: HOSTNAME_VAR,
            }),
            (true, false) => Err(CaptchaSetupError::Incomplete {
                given: HOSTNAME_VAR,
                missing: SITE_KEY_VAR,
            }),
            (false, false) => CaptchaSetup::new(site_key, hostname).map(Some),
        }
    }

    pub fn site_key(&self) -> &str {
        &self.site_key
    }

    pub fn hostname(&self) -> &str {
        &self.hostname
    }

    /// `https://<hostname>`: the origin the check runs under.
    pub fn origin(&self) -> String {
        format!("https://{}", self.hostname)
    }
}

/// Site keys are public (every page that shows the widget carries one), so showing it is fine.
impl fmt::Debug for CaptchaSetup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaptchaSetup")
            .field("site_key", &self.site_key)
            .field("hostname", &self.hostname)
            .finish()
    }
}

/// A DNS name of at least two labels, letters, digits and inner hyphens, not an IP address.
fn check_hostname(text: &str) -> Result<String, CaptchaSetupError> {
    let refuse = |why: &str| Err(CaptchaSetupError::Hostname(why.to_string()));
    let name = text.trim().trim_end_matches('.').to_ascii_lowercase();
    if name.is_empty() {
        return refuse("it is empty");
    }
    if name.contains("://") {
        return refuse("it has a scheme");
    }
    if name.contains('/') || name.contains('?') || name.contains('#') {
        return refuse("it has a path");
    }
    if name.contains(':') {
        return refuse("it has a port");
    }
    if name.len() > 253 {
        return refuse("it is longer than 253 characters");
    }
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2 {
        return refuse("it needs a domain, such as example.com");
    }
    for label in &labels {
        if label.is_empty() || label.len() > 63 {
            return refuse("each part between dots must have 1 to 63 characters");
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return refuse("only letters, digits, hyphens and dots are allowed");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return refuse("a part may not start or end with a hyphen");
        }
    }
    if labels
        .last()
        .is_some_and(|top| top.bytes().all(|b| b.is_ascii_digit()))
    {
        return refuse("it is an IP address, not a name");
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "6LeIxAcTAAAAAJcZVRqyHh4xEkXnAz6-_j3bnmsF";

    #[test]
    fn accepts_a_site_key_and_a_hostname() {
        let setup = CaptchaSetup::new(&format!(" {KEY} "), " Desktop.Example.com. ").expect("ok");
        assert_eq!(setup.site_key(), KEY);
        assert_eq!(setup.hostname(), "desktop.example.com");
        assert_eq!(setup.origin(), "https://desktop.example.com");
    }

    #[test]
    fn refuses_hostnames_that_are_urls_or_not_names() {
        for (given, why) in [
            ("https://desktop.example.com", "scheme"),
            ("desktop.example.com/captcha", "path"),
            ("desktop.example.com:443", "port"),
            ("localhost", "domain"),
            ("127.0.0.1", "IP address"),
            ("[::1]", "port"),
            ("desk top.example.com", "only letters"),
            ("-desk.example.com", "hyphen"),
            ("desk..example.com", "1 to 63"),
            ("<script>.example.com", "only letters"),
            ("", "empty"),
        ] {
            let error = CaptchaSetup::new(KEY, given).expect_err(given);
            let message = error.to_string();
            assert!(message.contains(why), "{given}: {message}");
            assert!(message.contains(HOSTNAME_VAR), "{message}");
        }
        let long = format!("{}.com", "a".repeat(64));
        assert!(CaptchaSetup::new(KEY, &long).is_err());
    }

    #[test]
    fn refuses_site_keys_that_cannot_be_one() {
        for given in ["", "key with spaces", "key\"</script>", &"k".repeat(101)] {
            let error = CaptchaSetup::new(given, "desktop.example.com").expect_err(given);
            assert!(error.to_string().contains(SITE_KEY_VAR), "{error}");
        }
    }

    #[test]
    fn both_empty_is_not_set_up_and_one_empty_is_incomplete() {
        assert_eq!(CaptchaSetup::from_values("", " "), Ok(None));
        let half = CaptchaSetup::from_values(KEY, "").expect_err("no hostname");
        assert!(half.to_string().contains(HOSTNAME_VAR), "{half}");
        let other_half = CaptchaSetup::from_values("", "desktop.example.com").expect_err("no key");
        assert!(
            other_half.to_string().contains(SITE_KEY_VAR),
            "{other_half}"
        );
        assert!(CaptchaSetup::from_values(KEY, "desktop.example.com")
            .expect("ok")
            .is_some());
    }
}

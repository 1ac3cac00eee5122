//! Practice captcha tokens: issued when the box is ticked, good for one dispatch, short-lived, and
//! tied to the site key and the hostname they were solved on. Redeeming one checks both against
//! the sandbox's registered values, as a server checks siteverify's `hostname` for the real one.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use rand::distr::{Alphanumeric, SampleString};

use crate::clock::EpochMillis;

const TOKEN_LEN: usize = 40;

/// The practice site key: public, like every site key.
pub const PRACTICE_SITE_KEY: &str = "cardcoins-sandbox-practice-site-key";
/// The practice registered hostname. `.invalid` is reserved (RFC 6761): no name under it ever
/// resolves, so nothing under this origin can be fetched from a real server by mistake.
pub const PRACTICE_HOSTNAME: &str = "desktop.cardcoins.invalid";

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CaptchaRefusal {
    Unknown,
    AlreadyUsed,
    Expired,
    OtherSiteKey,
    OtherHostname {
        solved_on: String,
        registered: String,
    },
}

impl CaptchaRefusal {
    pub fn message(&self) -> String {
        match self {
            Self::Unknown => "The recaptcha_response is not a valid captcha answer. Solve the captcha again.".to_string(),
            Self::AlreadyUsed => "This captcha answer was already used; each one works once. Solve the captcha again.".to_string(),
            Self::Expired => "This captcha answer has expired. Solve the captcha again.".to_string(),
            Self::OtherSiteKey => "This captcha answer was solved for another site key than the one CardCoins issued to this app. Solve the captcha again.".to_string(),
            Self::OtherHostname { solved_on, registered } => format!(
                "This captcha answer was solved on {solved_on}, not on the hostname registered for this app ({registered}). Solve the captcha again."
            ),
        }
    }
}

/// What a token was solved for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SolvedFor {
    pub site_key: String,
    pub hostname: String,
}

struct TokenState {
    expires_at: EpochMillis,
    used: bool,
    solved_for: SolvedFor,
}

pub(crate) struct CaptchaBook {
    ttl_ms: i64,
    registered: SolvedFor,
    tokens: Mutex<HashMap<String, TokenState>>,
}

impl CaptchaBook {
    pub fn new(ttl_ms: i64, site_key: &str, hostname: &str) -> Self {
        Self {
            ttl_ms,
            registered: SolvedFor {
                site_key: site_key.to_string(),
                hostname: hostname.to_ascii_lowercase(),
            },
            tokens: Mutex::new(HashMap::new()),
        }
    }

    pub fn registered(&self) -> &SolvedFor {
        &self.registered
    }

    /// A token as if solved on the registered hostname with the registered site key.
    pub fn issue(&self, now: EpochMillis) -> String {
        self.issue_for(self.registered.clone(), now)
    }

    pub fn issue_for(&self, solved_for: SolvedFor, now: EpochMillis) -> String {
        let token = Alphanumeric.sample_string(&mut rand::rng(), TOKEN_LEN);
        let mut tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        // Remembered for one extra lifetime after expiry so a late reuse gets a precise message.
        let ttl = self.ttl_ms;
        tokens.retain(|_, state| now <= state.expires_at.saturating_add(ttl));
        tokens.insert(
            token.clone(),
            TokenState {
                expires_at: now.saturating_add(ttl),
                used: false,
                solved_for,
            },
        );
        token
    }

    /// Spends a token: it works once, only before it expires, and only if it was solved with the
    /// registered site key on the registered hostname. A refused token is spent all the same,
    /// as siteverify answers once per token.
    pub fn redeem(&self, token: &str, now: EpochMillis) -> Result<(), CaptchaRefusal> {
        let mut tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        let state = tokens
            .get_mut(token.trim())
            .ok_or(CaptchaRefusal::Unknown)?;
        if state.used {
            return Err(CaptchaRefusal::AlreadyUsed);
        }
        if now > state.expires_at {
            return Err(CaptchaRefusal::Expired);
        }
        state.used = true;
        if state.solved_for.site_key != self.registered.site_key {
            return Err(CaptchaRefusal::OtherSiteKey);
        }
        if state.solved_for.hostname != self.registered.hostname {
            return Err(CaptchaRefusal::OtherHostname {
                solved_on: state.solved_for.hostname.clone(),
                registered: self.registered.hostname.clone(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(ttl: i64) -> CaptchaBook {
        CaptchaBook::new(ttl, "key", "app.example.invalid")
    }

    #[test]
    fn a_token_works_once_and_only_while_fresh() {
        let book = book(1000);
        let token = book.issue(0);
        assert_eq!(book.redeem("nope", 1), Err(CaptchaRefusal::Unknown));
        assert_eq!(book.redeem(&token, 1), Ok(()));
        assert_eq!(book.redeem(&token, 2), Err(CaptchaRefusal::AlreadyUsed));
        let late = book.issue(0);
        assert_eq!(book.redeem(&late, 1001), Err(CaptchaRefusal::Expired));
    }

    #[test]
    fn a_token_counts_only_for_the_registered_site_key_and_hostname() {
        let book = book(1000);
        let solved = |site_key: &str, hostname: &str| {
            book.issue_for(
                SolvedFor {
                    site_key: site_key.into(),
                    hostname: hostname.into(),
                },
                0,
            )
        };
        let other_key = solved("another-key", "app.example.invalid");
        assert_eq!(
            book.redeem(&other_key, 1),
            Err(CaptchaRefusal::OtherSiteKey)
        );
        assert_eq!(book.redeem(&other_key, 1), Err(CaptchaRefusal::AlreadyUsed));
        let other_host = solved("key", "127.0.0.1");
        let refusal = book.redeem(&other_host, 1).expect_err("other hostname");
        assert!(
            refusal.message().contains("127.0.0.1"),
            "{}",
            refusal.message()
        );
        assert!(refusal.message().contains("app.example.invalid"));
        assert_eq!(
            book.redeem(&solved("key", "app.example.invalid"), 1),
            Ok(())
        );
    }
}

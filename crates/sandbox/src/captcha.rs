//! Practice captcha tokens: issued when the box is ticked, good for one dispatch, short-lived.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use rand::distr::{Alphanumeric, SampleString};

use crate::clock::EpochMillis;

const TOKEN_LEN: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaptchaRefusal {
    Unknown,
    AlreadyUsed,
    Expired,
}

impl CaptchaRefusal {
    pub fn message(self) -> &'static str {
        match self {
            Self::Unknown => "The recaptcha_response is not a valid captcha answer. Solve the captcha again.",
            Self::AlreadyUsed => "This captcha answer was already used; each one works once. Solve the captcha again.",
            Self::Expired => "This captcha answer has expired. Solve the captcha again.",
        }
    }
}

struct TokenState {
    expires_at: EpochMillis,
    used: bool,
}

pub(crate) struct CaptchaBook {
    ttl_ms: i64,
    tokens: Mutex<HashMap<String, TokenState>>,
}

impl CaptchaBook {
    pub fn new(ttl_ms: i64) -> Self {
        Self {
            ttl_ms,
            tokens: Mutex::new(HashMap::new()),
        }
    }

    pub fn issue(&self, now: EpochMillis) -> String {
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
            },
        );
        token
    }

    /// Spends a token: it works once, and only before it expires.
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
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_works_once_and_only_while_fresh() {
        let book = CaptchaBook::new(1000);
        let token = book.issue(0);
        assert_eq!(book.redeem("nope", 1), Err(CaptchaRefusal::Unknown));
        assert_eq!(book.redeem(&token, 1), Ok(()));
        assert_eq!(book.redeem(&token, 2), Err(CaptchaRefusal::AlreadyUsed));
        let late = book.issue(0);
        assert_eq!(book.redeem(&late, 1001), Err(CaptchaRefusal::Expired));
    }
}

//! The code CardCoins sends by SMS or call, as a person types it back.

use std::fmt;

use crate::{CoreError, Reason};

/// A code as the server will receive it: spaces and dashes a person may type between groups
/// ("123 456", "123-456") are dropped; what is left is letters and digits only.
#[derive(Clone, PartialEq, Eq)]
pub struct VerificationCode(String);

/// The reference's example is 4 digits, the practice server sends 6; a few more are allowed for
/// a server that sends longer ones.
const LENGTHS: std::ops::RangeInclusive<usize> = 3..=12;

impl VerificationCode {
    pub fn parse(input: &str) -> Result<VerificationCode, CoreError> {
        let code: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if code.is_empty() {
            return Err(CoreError::InvalidCode(Reason::new("reason-code-empty")));
        }
        if !code.chars().all(|c| c.is_ascii_alphanumeric()) || !LENGTHS.contains(&code.len()) {
            return Err(CoreError::InvalidCode(Reason::new("reason-code-malformed")));
        }
        Ok(VerificationCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Not shown in logs: a code is short-lived, but it is still a credential.
impl fmt::Debug for VerificationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VerificationCode(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_type() {
        for (typed, code) in [
            ("123456", "123456"),
            (" 123 456 ", "123456"),
            ("123-456", "123456"),
            ("4321", "4321"),
        ] {
            assert_eq!(
                VerificationCode::parse(typed).map(|c| c.as_str().to_string()),
                Ok(code.to_string())
            );
        }
        for bad in ["", "  ", "12", "12345678901234", "12.34", "١٢٣٤"] {
            let error = VerificationCode::parse(bad).expect_err(bad);
            assert_eq!(error.code(), crate::ErrorCode::InvalidCode, "{bad:?}");
        }
        assert!(!format!("{:?}", VerificationCode::parse("123456").unwrap()).contains("123"));
    }
}

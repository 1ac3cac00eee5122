use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::SandboxError;

/// When the image store holds an upload to its policy's expiration. In JSON `"arrival"` or
/// `"end_of_body"`; on the command line `arrival` or `end-of-body`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExpiryCheck {
    /// The policy must be unexpired when the request arrives, as S3 does: an upload that starts
    /// in time is stored however long its body takes.
    #[default]
    #[serde(rename = "arrival")]
    AtArrival,
    /// The policy must still be unexpired when the last byte of the photo has been read: the
    /// whole upload has to fit in the policy's life.
    #[serde(rename = "end_of_body", alias = "end-of-body")]
    EndOfBody,
}

impl ExpiryCheck {
    pub const ALL: [Self; 2] = [Self::AtArrival, Self::EndOfBody];

    /// The command line's name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::AtArrival => "arrival",
            Self::EndOfBody => "end-of-body",
        }
    }
}

impl fmt::Display for ExpiryCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ExpiryCheck {
    type Err = SandboxError;

    fn from_str(text: &str) -> Result<Self, SandboxError> {
        match text.trim() {
            "arrival" => Ok(Self::AtArrival),
            "end-of-body" | "end_of_body" => Ok(Self::EndOfBody),
            other => Err(SandboxError::InvalidExpiryCheck(other.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for check in ExpiryCheck::ALL {
            assert_eq!(check.as_str().parse::<ExpiryCheck>().ok(), Some(check));
            let json = serde_json::to_string(&check).expect("json");
            assert_eq!(serde_json::from_str::<ExpiryCheck>(&json).ok(), Some(check));
        }
        assert_eq!(ExpiryCheck::default(), ExpiryCheck::AtArrival);
        assert_eq!(
            serde_json::from_str::<ExpiryCheck>("\"end-of-body\"").ok(),
            Some(ExpiryCheck::EndOfBody)
        );
        let error = "later".parse::<ExpiryCheck>().expect_err("unknown");
        assert!(error.to_string().contains("end-of-body"), "{error}");
    }
}

//! A slow uplink for the image store, so a client's race against the 15-second presign can be
//! tried on a fast machine.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::SandboxError;

const KBIT: u128 = 1_000;
const MBIT: u128 = 1_000_000;

/// How fast the image store reads an upload, in decimal units: written `1mbit`, `0.25mbit`,
/// `256kbit` (1 mbit = 1,000,000 bits a second = 125,000 bytes a second). In JSON, that string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Uplink {
    bytes_per_second: u64,
}

impl Uplink {
    /// `None` for zero: a link that moves nothing is a hang, which the `Timeout` fault covers.
    pub const fn from_bytes_per_second(bytes_per_second: u64) -> Option<Self> {
        if bytes_per_second == 0 {
            None
        } else {
            Some(Self { bytes_per_second })
        }
    }

    pub const fn bytes_per_second(self) -> u64 {
        self.bytes_per_second
    }
}

impl FromStr for Uplink {
    type Err = SandboxError;

    fn from_str(text: &str) -> Result<Self, SandboxError> {
        let refuse = |reason: String| SandboxError::InvalidUplink {
            given: text.to_string(),
            reason,
        };
        let lower = text.trim().to_ascii_lowercase();
        let (number, unit) = if let Some(number) = lower.strip_suffix("mbit") {
            (number, MBIT)
        } else if let Some(number) = lower.strip_suffix("kbit") {
            (number, KBIT)
        } else {
            return Err(refuse("the unit must be kbit or mbit".into()));
        };
        let bits = decimal_times(number.trim(), unit).map_err(|reason| refuse(reason.into()))?;
        if bits == 0 {
            return Err(refuse("it must be more than zero".into()));
        }
        // Whole bytes keep Display exact, so the text round-trips.
        if !bits.is_multiple_of(8) {
            return Err(refuse(format!(
                "that is {bits} bits a second, not a whole number of bytes"
            )));
        }
        u64::try_from(bits / 8)
            .ok()
            .and_then(Self::from_bytes_per_second)
            .ok_or_else(|| refuse("it is too large".into()))
    }
}

/// `number` (digits, at most one `.`) times `unit`, when that is a whole number.
fn decimal_times(number: &str, unit: u128) -> Result<u128, &'static str> {
    const MALFORMED: &str = "the number must be digits with at most one decimal point";
    const TOO_LARGE: &str = "it is too large";
    const TOO_FINE: &str = "it is finer than one bit a second";
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return Err(MALFORMED);
    }
    let fraction = fraction.trim_end_matches('0');
    // A unit is at most 10^6 bits, so a digit past the 18th place is always part of a bit.
    if fraction.len() > 18 {
        return Err(TOO_FINE);
    }
    let whole: u128 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| TOO_LARGE)?
    };
    let fraction_value: u128 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().map_err(|_| MALFORMED)?
    };
    let scale = 10u128.pow(u32::try_from(fraction.len()).map_err(|_| TOO_FINE)?);
    let fraction_bits = fraction_value.checked_mul(unit).ok_or(TOO_LARGE)?;
    if !fraction_bits.is_multiple_of(scale) {
        return Err(TOO_FINE);
    }
    whole
        .checked_mul(unit)
        .and_then(|bits| bits.checked_add(fraction_bits / scale))
        .ok_or(TOO_LARGE)
}

impl fmt::Display for Uplink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bits = u128::from(self.bytes_per_second) * 8;
        let (unit, name, places) = if bits >= MBIT {
            (MBIT, "mbit", 6)
        } else {
            (KBIT, "kbit", 3)
        };
        let whole = bits / unit;
        let fraction = bits % unit;
        if fraction == 0 {
            write!(f, "{whole}{name}")
        } else {
            let fraction = format!("{fraction:0places$}");
            write!(f, "{whole}.{}{name}", fraction.trim_end_matches('0'))
        }
    }
}

impl Serialize for Uplink {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Uplink {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(text: &str) -> u64 {
        text.parse::<Uplink>()
            .unwrap_or_else(|error| panic!("{text}: {error}"))
            .bytes_per_second()
    }

    #[test]
    fn parses_decimal_kbit_and_mbit() {
        assert_eq!(rate("1mbit"), 125_000);
        assert_eq!(rate("0.25mbit"), 31_250);
        assert_eq!(rate("8mbit"), 1_000_000);
        assert_eq!(rate("256kbit"), 32_000);
        assert_eq!(rate("500kbit"), 62_500);
        assert_eq!(rate(" 1.5MBIT "), 187_500);
        assert_eq!(rate(".5mbit"), 62_500);
        assert_eq!(rate("2.mbit"), 250_000);
    }

    #[test]
    fn refuses_anything_else_with_a_reason() {
        for text in [
            "",
            "1",
            "1mb",
            "1 mbps",
            "1gbit",
            "mbit",
            ".mbit",
            "-1mbit",
            "1e3kbit",
            "1,5mbit",
            "0kbit",
            "0.0mbit",
            "1.2.3mbit",
            "0.001kbit",
            "0.0000001mbit",
        ] {
            let error = text.parse::<Uplink>().expect_err(text).to_string();
            assert!(error.contains("kbit or mbit"), "{text}: {error}");
        }
        let error = "0.001kbit"
            .parse::<Uplink>()
            .expect_err("1 bit")
            .to_string();
        assert!(error.contains("whole number of bytes"), "{error}");
        let error = "0.0000001mbit"
            .parse::<Uplink>()
            .expect_err("0.1 bit")
            .to_string();
        assert!(error.contains("finer than one bit"), "{error}");
        let error = "0kbit".parse::<Uplink>().expect_err("zero").to_string();
        assert!(error.contains("more than zero"), "{error}");
        let error = "99999999999999999999999mbit"
            .parse::<Uplink>()
            .expect_err("huge")
            .to_string();
        assert!(error.contains("too large"), "{error}");
    }

    #[test]
    fn display_round_trips() {
        for (text, shown) in [
            ("1mbit", "1mbit"),
            ("0.25mbit", "250kbit"),
            ("8mbit", "8mbit"),
            ("256kbit", "256kbit"),
            ("500kbit", "500kbit"),
            ("1.5mbit", "1.5mbit"),
            ("1.000008mbit", "1.000008mbit"),
            ("0.008kbit", "0.008kbit"),
            ("12.8kbit", "12.8kbit"),
        ] {
            let uplink: Uplink = text.parse().expect(text);
            assert_eq!(uplink.to_string(), shown, "{text}");
            assert_eq!(shown.parse::<Uplink>().ok(), Some(uplink), "{shown}");
        }
        for bytes in [1, 7, 125, 999, 31_250, 124_999, 125_001, 10_000_000] {
            let uplink = Uplink::from_bytes_per_second(bytes).expect("non-zero");
            assert_eq!(uplink.to_string().parse::<Uplink>().ok(), Some(uplink));
        }
        assert_eq!(Uplink::from_bytes_per_second(0), None);
    }

    #[test]
    fn json_is_the_string() {
        let uplink: Uplink = "1mbit".parse().expect("1mbit");
        assert_eq!(
            serde_json::to_string(&uplink).ok().as_deref(),
            Some("\"1mbit\"")
        );
        assert_eq!(
            serde_json::from_str::<Option<Uplink>>("\"256kbit\"").ok(),
            Some("256kbit".parse().ok())
        );
        assert_eq!(
            serde_json::from_str::<Option<Uplink>>("null").ok(),
            Some(None)
        );
        assert!(serde_json::from_str::<Uplink>("\"fast\"").is_err());
        assert!(serde_json::from_str::<Uplink>("125000").is_err());
    }
}

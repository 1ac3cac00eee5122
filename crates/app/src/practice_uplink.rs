//! The practice store's uplink, chosen in Settings: to feel what a slow connection does to the
//! photo uploads before it happens with a real card.

use cardcoins_sandbox::Uplink;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum PracticeUplink {
    #[default]
    #[serde(rename = "unlimited")]
    Unlimited,
    #[serde(rename = "8mbit")]
    EightMbit,
    #[serde(rename = "1mbit")]
    OneMbit,
    #[serde(rename = "0.25mbit")]
    QuarterMbit,
}

impl PracticeUplink {
    pub fn uplink(self) -> Option<Uplink> {
        let rate = match self {
            PracticeUplink::Unlimited => return None,
            PracticeUplink::EightMbit => "8mbit",
            PracticeUplink::OneMbit => "1mbit",
            PracticeUplink::QuarterMbit => "0.25mbit",
        };
        rate.parse().ok()
    }
}

/// A rate a newer or older app wrote that this one does not know is no throttle, rather than
/// losing every other setting with it.
pub fn practice_uplink_or_default<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<PracticeUplink, D::Error> {
    let raw = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(raw).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_is_a_rate_the_sandbox_takes() {
        assert_eq!(PracticeUplink::Unlimited.uplink(), None);
        for choice in [
            PracticeUplink::EightMbit,
            PracticeUplink::OneMbit,
            PracticeUplink::QuarterMbit,
        ] {
            assert!(choice.uplink().is_some(), "{choice:?}");
        }
        assert_eq!(
            PracticeUplink::OneMbit
                .uplink()
                .map(Uplink::bytes_per_second),
            Some(125_000)
        );
    }
}

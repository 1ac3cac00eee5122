use bitcoin::address::NetworkUnchecked;
use bitcoin::{Address, Network};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::error::WatchError;

/// What is being watched for: `sats` paid to `address`, after the order was created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutTarget {
    #[serde(with = "crate::text::address")]
    address: Address,
    sats: u64,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
}

impl PayoutTarget {
    /// `address` as the order holds it (a mainnet address), `sats` as the approved payout says,
    /// `created_at` the order's creation.
    pub fn new(address: &str, sats: u64, created_at: OffsetDateTime) -> Result<Self, WatchError> {
        let address = parse_mainnet(address).map_err(|message| WatchError::Config { message })?;
        if sats == 0 {
            return Err(WatchError::Config {
                message: "A payout of 0 sats cannot be watched for.".to_string(),
            });
        }
        Ok(Self {
            address,
            sats,
            created_at,
        })
    }

    pub fn address(&self) -> &Address {
        &self.address
    }

    pub fn sats(&self) -> u64 {
        self.sats
    }

    pub fn created_at(&self) -> OffsetDateTime {
        self.created_at
    }
}

pub(crate) fn parse_mainnet(text: &str) -> Result<Address, String> {
    text.trim()
        .parse::<Address<NetworkUnchecked>>()
        .map_err(|_| "This is not a bitcoin address, so its payout cannot be watched.".to_string())?
        .require_network(Network::Bitcoin)
        .map_err(|_| {
            "This is not a mainnet bitcoin address, so its payout cannot be watched.".to_string()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_mainnet_addresses_and_real_amounts() {
        let at = OffsetDateTime::UNIX_EPOCH;
        assert!(PayoutTarget::new("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", 1, at).is_ok());
        assert!(PayoutTarget::new("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", 1, at).is_err());
        assert!(PayoutTarget::new("lnbc1...", 1, at).is_err());
        assert!(PayoutTarget::new("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", 0, at).is_err());
    }
}

//! Serde as text for the bitcoin types the watch keeps, without the `bitcoin` crate's `serde`
//! feature (which would rebuild it for every crate in the workspace).

pub(crate) mod txid {
    use std::str::FromStr;

    use bitcoin::Txid;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(txid: &Txid, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(txid)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Txid, D::Error> {
        let text = String::deserialize(deserializer)?;
        Txid::from_str(&text).map_err(|_| D::Error::custom("a txid is 64 hex digits"))
    }
}

pub(crate) mod address {
    use bitcoin::Address;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(address: &Address, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(address)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Address, D::Error> {
        let text = String::deserialize(deserializer)?;
        crate::target::parse_mainnet(&text).map_err(D::Error::custom)
    }
}

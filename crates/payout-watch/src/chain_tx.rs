//! A transaction as an Esplora server shows it, reduced to what watching a payout needs.

use bitcoin::{Address, ScriptBuf, Txid};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainTx {
    pub txid: Txid,
    pub outputs: Vec<TxOutput>,
    pub status: TxStatus,
}

/// One output. Esplora gives the script and, for standard scripts, the address; confidential
/// chains (Liquid) give no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxOutput {
    pub script_pubkey: Option<ScriptBuf>,
    pub address: Option<String>,
    pub value: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxStatus {
    /// In the mempool: it may still be replaced.
    Unconfirmed,
    Confirmed {
        block_height: u32,
        /// The block header's timestamp: miners set it, within about two hours of the truth.
        block_time: OffsetDateTime,
    },
}

impl TxOutput {
    /// Whether this output pays `address`, by script where the server gave one (addresses can
    /// be spelled in upper or lower case; scripts cannot).
    pub fn pays(&self, address: &Address) -> bool {
        if let Some(script) = &self.script_pubkey {
            return address.matches_script_pubkey(script);
        }
        self.address
            .as_deref()
            .and_then(|text| text.parse::<Address<_>>().ok())
            .is_some_and(|shown| shown.assume_checked().script_pubkey() == address.script_pubkey())
    }
}

impl ChainTx {
    /// Whether one output pays exactly `sats` to `address`.
    pub fn pays_exactly(&self, address: &Address, sats: u64) -> bool {
        self.outputs
            .iter()
            .any(|output| output.value == Some(sats) && output.pays(address))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(text: &str) -> Address {
        text.parse::<Address<_>>()
            .expect("address")
            .require_network(bitcoin::Network::Bitcoin)
            .expect("mainnet")
    }

    #[test]
    fn an_output_is_matched_by_script_or_by_address_in_either_case() {
        let ours = address("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
        let by_script = TxOutput {
            script_pubkey: Some(ours.script_pubkey()),
            address: None,
            value: Some(1),
        };
        let by_upper_address = TxOutput {
            script_pubkey: None,
            address: Some("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ".into()),
            value: Some(1),
        };
        let elsewhere = TxOutput {
            script_pubkey: None,
            address: Some("12c6DSiU4Rq3P4ZxziKxzrL5LmMBrzjrJX".into()),
            value: Some(1),
        };
        assert!(by_script.pays(&ours));
        assert!(by_upper_address.pays(&ours));
        assert!(!elsewhere.pays(&ours));
    }
}

//! A transaction as the chain keeps it, and the JSON Esplora shows for it.

use std::str::FromStr;

use bitcoin::address::{Address, AddressType, NetworkUnchecked};
use bitcoin::{Network, Script, ScriptBuf};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::clock::EpochMillis;

/// Replaceable (BIP125): the sandbox's payouts always signal it, as a batching payer's do.
const RBF_SEQUENCE: u32 = 0xFFFF_FFFD;

/// Who an output pays, with the script Esplora shows beside the address.
#[derive(Debug, Clone)]
pub(crate) struct Payee {
    pub address: String,
    pub script: ScriptBuf,
    kind: &'static str,
}

/// Why Esplora refuses an address in a path, in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AddressRefusal {
    Invalid,
    WrongNetwork,
}

impl AddressRefusal {
    pub fn message(self) -> &'static str {
        match self {
            Self::Invalid => "Invalid Bitcoin address",
            Self::WrongNetwork => "Address on invalid network",
        }
    }
}

impl Payee {
    /// A mainnet address, as the sandbox's orders hold them.
    pub fn parse(text: &str) -> Result<Payee, AddressRefusal> {
        let unchecked = Address::<NetworkUnchecked>::from_str(text.trim())
            .map_err(|_| AddressRefusal::Invalid)?;
        let address = unchecked
            .require_network(Network::Bitcoin)
            .map_err(|_| AddressRefusal::WrongNetwork)?;
        Ok(Self::from_address(&address))
    }

    /// A valid address nobody else will ever pay: the other customers of a batch, the payer's
    /// wallet. Derived from `seed`, so a restarted sandbox shows the same ones.
    pub fn stranger(seed: &[u8]) -> Payee {
        let script = ScriptBuf::from_bytes(Sha256::digest(seed).to_vec());
        Self::from_address(&Address::p2wsh(&script, Network::Bitcoin))
    }

    fn from_address(address: &Address) -> Payee {
        Payee {
            address: address.to_string(),
            script: address.script_pubkey(),
            kind: esplora_type(address.address_type()),
        }
    }

    pub fn is(&self, script: &Script) -> bool {
        self.script.as_script() == script
    }

    fn json(&self, value: u64) -> Value {
        json!({
            "scriptpubkey": self.script.to_hex_string(),
            "scriptpubkey_asm": self.script.to_asm_string(),
            "scriptpubkey_type": self.kind,
            "scriptpubkey_address": self.address,
            "value": value,
        })
    }
}

fn esplora_type(kind: Option<AddressType>) -> &'static str {
    match kind {
        Some(AddressType::P2pkh) => "p2pkh",
        Some(AddressType::P2sh) => "p2sh",
        Some(AddressType::P2wpkh) => "v0_p2wpkh",
        Some(AddressType::P2wsh) => "v0_p2wsh",
        Some(AddressType::P2tr) => "v1_p2tr",
        _ => "unknown",
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Output {
    pub payee: Payee,
    pub value: u64,
}

#[derive(Debug, Clone)]
pub(crate) struct BlockRef {
    pub height: u32,
    pub hash: String,
    pub time: EpochMillis,
}

/// One transaction with a single input: every payout batch spends the same coin, which is what
/// makes the larger batch a replacement of the smaller one.
#[derive(Debug, Clone)]
pub(crate) struct ChainTx {
    pub txid: String,
    pub funding_txid: String,
    pub funder: Payee,
    pub outputs: Vec<Output>,
    pub fee: u64,
    pub first_seen: EpochMillis,
    pub block: Option<BlockRef>,
    /// Left out of blocks: the sandbox's first batch is always replaced before it confirms.
    pub held: bool,
}

impl ChainTx {
    pub fn touches(&self, script: &Script) -> bool {
        self.funder.is(script) || self.outputs.iter().any(|output| output.payee.is(script))
    }

    fn input_value(&self) -> u64 {
        self.outputs
            .iter()
            .map(|output| output.value)
            .fold(self.fee, u64::saturating_add)
    }

    pub fn status_json(&self) -> Value {
        match &self.block {
            Some(block) => json!({
                "confirmed": true,
                "block_height": block.height,
                "block_hash": block.hash,
                "block_time": block.time / 1000,
            }),
            None => json!({"confirmed": false}),
        }
    }

    pub fn json(&self) -> Value {
        let vsize = virtual_size(self.outputs.len());
        json!({
            "txid": self.txid,
            "version": 2,
            "locktime": 0,
            "vin": [{
                "txid": self.funding_txid,
                "vout": 0,
                "prevout": self.funder.json(self.input_value()),
                "scriptsig": "",
                "scriptsig_asm": "",
                "is_coinbase": false,
                "sequence": RBF_SEQUENCE,
            }],
            "vout": self.outputs.iter().map(|output| output.payee.json(output.value)).collect::<Vec<_>>(),
            "size": vsize.saturating_add(WITNESS_BYTES),
            "weight": vsize.saturating_mul(4),
            "fee": self.fee,
            "status": self.status_json(),
        })
    }
}

/// A signature and a public key, counted whole in `size` and a quarter in the virtual size.
const WITNESS_BYTES: u64 = 108;

/// Close to a one-input segwit transaction's: fees in the sandbox follow it.
pub(crate) fn virtual_size(outputs: usize) -> u64 {
    let outputs = u64::try_from(outputs).unwrap_or(u64::MAX);
    outputs.saturating_mul(43).saturating_add(11 + 105)
}

/// 64 hex digits from `parts`: the sandbox's txids and block hashes.
pub(crate) fn digest_hex(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_like_esplora_checks_them() {
        let payee = Payee::parse("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").expect("mainnet");
        assert_eq!(payee.json(5)["scriptpubkey_type"], "v0_p2wpkh");
        let upper = Payee::parse("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ").expect("upper");
        assert!(payee.is(&upper.script));
        assert_eq!(
            Payee::parse("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx").err(),
            Some(AddressRefusal::WrongNetwork)
        );
        assert_eq!(
            Payee::parse("nonsense").err(),
            Some(AddressRefusal::Invalid)
        );
    }

    #[test]
    fn strangers_are_valid_distinct_addresses() {
        let one = Payee::stranger(b"one");
        let two = Payee::stranger(b"two");
        assert_ne!(one.address, two.address);
        assert!(Payee::parse(&one.address).is_ok());
        assert_eq!(one.address, Payee::stranger(b"one").address);
    }
}

//! Esplora's JSON, read tolerantly: unknown fields are ignored, and whatever is missing or
//! malformed becomes a [`WatchError::Unreadable`], never a panic.

use std::str::FromStr;

use bitcoin::{ScriptBuf, Txid};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::chain_tx::{ChainTx, TxOutput, TxStatus};
use crate::error::WatchError;

#[derive(Deserialize)]
struct WireTx {
    txid: String,
    #[serde(default)]
    vout: Vec<WireOutput>,
    status: WireStatus,
}

#[derive(Deserialize)]
struct WireOutput {
    scriptpubkey: Option<String>,
    scriptpubkey_address: Option<String>,
    value: Option<u64>,
}

#[derive(Deserialize)]
struct WireStatus {
    confirmed: bool,
    block_height: Option<u32>,
    block_time: Option<i64>,
}

pub(crate) fn address_txs(body: &[u8]) -> Result<Vec<ChainTx>, WatchError> {
    let txs: Vec<WireTx> = serde_json::from_slice(body)
        .map_err(|error| WatchError::unreadable(format!("address history: {error}")))?;
    txs.into_iter().map(into_tx).collect()
}

pub(crate) fn tx_status(body: &[u8]) -> Result<TxStatus, WatchError> {
    let status: WireStatus = serde_json::from_slice(body)
        .map_err(|error| WatchError::unreadable(format!("transaction status: {error}")))?;
    into_status(status)
}

/// `/blocks/tip/height` is a bare number in plain text.
pub(crate) fn tip_height(body: &[u8]) -> Result<u32, WatchError> {
    std::str::from_utf8(body)
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .ok_or_else(|| WatchError::unreadable("the tip height is not a number"))
}

fn into_tx(wire: WireTx) -> Result<ChainTx, WatchError> {
    let txid = Txid::from_str(wire.txid.trim())
        .map_err(|_| WatchError::unreadable("a transaction ID is not 64 hex digits"))?;
    Ok(ChainTx {
        txid,
        outputs: wire.vout.into_iter().map(into_output).collect(),
        status: into_status(wire.status)?,
    })
}

fn into_output(wire: WireOutput) -> TxOutput {
    TxOutput {
        // A script that is not hex is no script we could match; the address may still be.
        script_pubkey: wire
            .scriptpubkey
            .and_then(|hex| ScriptBuf::from_hex(&hex).ok()),
        address: wire.scriptpubkey_address,
        value: wire.value,
    }
}

fn into_status(wire: WireStatus) -> Result<TxStatus, WatchError> {
    if !wire.confirmed {
        return Ok(TxStatus::Unconfirmed);
    }
    let (Some(block_height), Some(block_time)) = (wire.block_height, wire.block_time) else {
        return Err(WatchError::unreadable(
            "a confirmed transaction without its block's height and time",
        ));
    };
    let block_time = OffsetDateTime::from_unix_timestamp(block_time)
        .map_err(|_| WatchError::unreadable("a block time out of range"))?;
    Ok(TxStatus::Confirmed {
        block_height,
        block_time,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXID: &str = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

    #[test]
    fn reads_esplora_history_and_ignores_unknown_fields() {
        let body = format!(
            r#"[{{"txid":"{TXID}","version":2,"vin":[],"vout":[
                {{"scriptpubkey":"0014e8df018c7e326cc253faac7e46cdc51e68542c42","scriptpubkey_type":"v0_p2wpkh","scriptpubkey_address":"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq","value":83523}},
                {{"scriptpubkey":"6a","scriptpubkey_type":"op_return","value":0}}],
              "status":{{"confirmed":true,"block_height":880001,"block_hash":"00ab","block_time":1700000000}},"fee":700,"extra":{{"x":1}}}},
              {{"txid":"{TXID}","vout":[],"status":{{"confirmed":false}}}}]"#
        );
        let txs = address_txs(body.as_bytes()).expect("readable");
        assert_eq!(txs.len(), 2);
        assert_eq!(txs[0].outputs.len(), 2);
        assert_eq!(txs[0].outputs[0].value, Some(83_523));
        assert!(matches!(
            txs[0].status,
            TxStatus::Confirmed {
                block_height: 880_001,
                ..
            }
        ));
        assert_eq!(txs[1].status, TxStatus::Unconfirmed);
    }

    #[test]
    fn malformed_answers_are_errors() {
        for body in [
            r#"{"txs": "not a list"}"#,
            r#"[{"txid": 42, "status": {"confirmed": false}}]"#,
            r#"[{"txid": "zz", "status": {"confirmed": false}}]"#,
            r#"[{"txid": "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b", "status": {"confirmed": true}}]"#,
            r#"[{"txid": "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"}]"#,
            "<html></html>",
            "",
        ] {
            assert!(
                matches!(
                    address_txs(body.as_bytes()),
                    Err(WatchError::Unreadable { .. })
                ),
                "{body}"
            );
        }
        assert!(tx_status(br#"{"confirmed": "perhaps", "block_height": -1"#).is_err());
        assert!(
            tx_status(br#"{"confirmed": true, "block_height": 5, "block_time": 1e300}"#).is_err()
        );
    }

    #[test]
    fn the_tip_is_a_bare_number() {
        assert_eq!(tip_height(b"880123\n").ok(), Some(880_123));
        assert!(tip_height(b"<html>Tip: tall</html>").is_err());
        assert!(tip_height(b"-1").is_err());
        assert!(tip_height(&[0xff, 0xfe]).is_err());
    }
}

//! One poll: ask the server, build the observation, move the watch.

use time::OffsetDateTime;

use crate::chain_tx::TxStatus;
use crate::client::EsploraClient;
use crate::error::WatchError;
use crate::event::WatchEvent;
use crate::observation::{Candidate, Observation};
use crate::watch::{PayoutWatch, WatchState};

/// Asks `client` once about `watch`'s payout and moves the watch on; the events say what
/// changed. A failed poll leaves the state alone and counts toward the back-off. Does nothing
/// once done.
pub async fn poll_once(
    client: &EsploraClient,
    watch: &mut PayoutWatch,
) -> Result<Vec<WatchEvent>, WatchError> {
    if watch.is_done() {
        return Ok(Vec::new());
    }
    match look(client, watch).await {
        Ok(observation) => Ok(watch.observe(&observation)),
        Err(error) => {
            watch.record_failure();
            tracing::debug!(
                transient = error.is_transient(),
                failures = watch.failures(),
                "payout poll failed"
            );
            Err(error)
        }
    }
}

async fn look(client: &EsploraClient, watch: &PayoutWatch) -> Result<Observation, WatchError> {
    let target = watch.target();
    // History before the tip: a block found in between then only makes the count low by one.
    let history = client.address_txs(target.address()).await?;
    let tip_height = client.tip_height().await?;
    let mut observation =
        Observation::from_history(target, &history, tip_height, OffsetDateTime::now_utc());
    // The history holds only an address's newest 25 confirmed transactions: on a busy address,
    // a payout already found and confirmed is followed by its ID once it drops out of them.
    if let WatchState::Confirmed { txid, .. } = watch.state() {
        if !observation.includes(txid) {
            if let Some(status @ TxStatus::Confirmed { .. }) = client.tx_status(txid).await? {
                observation.candidates.push(Candidate {
                    txid: *txid,
                    status,
                });
            }
        }
    }
    Ok(observation)
}

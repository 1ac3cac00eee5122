use std::time::Duration;

use bitcoin::{Address, Txid};
use reqwest::header::RETRY_AFTER;
use reqwest::StatusCode;
use url::Url;

use crate::builder::EsploraClientBuilder;
use crate::chain_tx::{ChainTx, TxStatus};
use crate::error::WatchError;
use crate::wire;

/// An answer larger than this is not Esplora's: a busy address's history is a few megabytes.
const MAX_ANSWER_BYTES: usize = 16 * 1024 * 1024;

/// A client for the part of an Esplora server's API that watching a payout needs. Cheap to
/// clone; clones share connections. Requests are made once: repeating them is the watch's
/// schedule's business ([`crate::PayoutWatch::next_poll_delay`]).
#[derive(Debug, Clone)]
pub struct EsploraClient {
    http: reqwest::Client,
    base: Url,
}

/// What a 404 means for the request that got it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Missing {
    /// An answer that must exist: the server is not Esplora (or not at this address).
    IsRefusal,
    /// Esplora's "Transaction not found".
    IsAnswer,
}

impl EsploraClient {
    pub fn builder() -> EsploraClientBuilder {
        EsploraClientBuilder::default()
    }

    pub(crate) fn from_parts(http: reqwest::Client, base: Url) -> EsploraClient {
        EsploraClient { http, base }
    }

    /// The Esplora API root this client talks to.
    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// `GET /address/:address/txs`: the address's unconfirmed transactions, then its newest
    /// confirmed ones, newest first.
    pub async fn address_txs(&self, address: &Address) -> Result<Vec<ChainTx>, WatchError> {
        let address = address.to_string();
        let url = self.endpoint(&["address", &address, "txs"]);
        let body = self.get("address_txs", url, Missing::IsRefusal).await?;
        wire::address_txs(&body.unwrap_or_default())
    }

    /// `GET /tx/:txid/status`; `None` when the server does not know the transaction (a replaced
    /// one is forgotten).
    pub async fn tx_status(&self, txid: &Txid) -> Result<Option<TxStatus>, WatchError> {
        let txid = txid.to_string();
        let url = self.endpoint(&["tx", &txid, "status"]);
        match self.get("tx_status", url, Missing::IsAnswer).await? {
            Some(body) => wire::tx_status(&body).map(Some),
            None => Ok(None),
        }
    }

    /// `GET /blocks/tip/height`.
    pub async fn tip_height(&self) -> Result<u32, WatchError> {
        let url = self.endpoint(&["blocks", "tip", "height"]);
        let body = self.get("tip_height", url, Missing::IsRefusal).await?;
        wire::tip_height(&body.unwrap_or_default())
    }

    fn endpoint(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }

    /// The body of a success; `None` for a 404 that `missing` calls an answer.
    async fn get(
        &self,
        operation: &'static str,
        url: Url,
        missing: Missing,
    ) -> Result<Option<Vec<u8>>, WatchError> {
        let mut response = self
            .http
            .get(url)
            .send()
            .await
            .map_err(WatchError::from_transport)?;
        let status = response.status();
        // The URL is never logged: it holds the payout address.
        tracing::debug!(operation, status = status.as_u16(), "esplora answer");
        if status == StatusCode::NOT_FOUND && missing == Missing::IsAnswer {
            return Ok(None);
        }
        if status == StatusCode::TOO_MANY_REQUESTS {
            return Err(WatchError::RateLimited {
                retry_after: retry_after(&response),
            });
        }
        if status.is_server_error() {
            return Err(WatchError::Unavailable {
                status: status.as_u16(),
            });
        }
        if !status.is_success() {
            return Err(WatchError::Refused {
                status: status.as_u16(),
            });
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(WatchError::from_transport)? {
            if body.len() + chunk.len() > MAX_ANSWER_BYTES {
                return Err(WatchError::unreadable("the answer is far too large"));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Some(body))
    }
}

/// Seconds only: Esplora servers and the proxies before them do not send dates here.
fn retry_after(response: &reqwest::Response) -> Option<Duration> {
    response
        .headers()
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
        .map(Duration::from_secs)
}

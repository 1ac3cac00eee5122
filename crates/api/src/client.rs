use std::future::Future;
use std::time::Duration;

use cardcoins_core::OrderId;
use serde::{de::DeserializeOwned, Serialize};
use url::Url;

use crate::block_gate::BlockGate;
use crate::builder::ApiClientBuilder;
use crate::envelope;
use crate::error::ApiError;
use crate::retry::{with_retries, RetryPolicy};
use crate::uplink::{LinkBudget, UplinkMeter};

/// A client for the CardCoins API v2. Cheap to clone; clones share connections.
///
/// The endpoint methods live next to what they do: tickers, orders, phones, payment, images and
/// upload.
#[derive(Debug, Clone)]
pub struct ApiClient {
    pub(crate) http: reqwest::Client,
    base: Url,
    pub(crate) retry: RetryPolicy,
    pub(crate) upload_timeout: Duration,
    block: BlockGate,
    pub(crate) uplink: UplinkMeter,
}

impl ApiClient {
    pub fn builder() -> ApiClientBuilder {
        ApiClientBuilder::default()
    }

    pub(crate) fn from_parts(
        http: reqwest::Client,
        base: Url,
        retry: RetryPolicy,
        upload_timeout: Duration,
    ) -> ApiClient {
        ApiClient {
            http,
            base,
            retry,
            upload_timeout,
            block: BlockGate::default(),
            uplink: UplinkMeter::default(),
        }
    }

    /// How large a photo may be to arrive in about ten seconds, from the uploads this client
    /// (and its clones) made so far.
    pub fn link_budget(&self) -> LinkBudget {
        self.uplink.budget()
    }

    /// The API root this client talks to.
    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// The base URL with `segments` appended, each escaped as one path segment.
    pub(crate) fn endpoint(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }

    /// A URL on the server's root rather than under the API version (`/sandbox/...`).
    pub(crate) fn root_endpoint(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.clear().extend(segments);
        }
        url
    }

    /// A GET, repeated after transient failures.
    pub(crate) async fn get_data<T: DeserializeOwned>(
        &self,
        operation: &'static str,
        url: Url,
        order: Option<&OrderId>,
    ) -> Result<T, ApiError> {
        self.unless_blocked(with_retries(&self.retry, operation, || async {
            let response = self
                .http
                .get(url.clone())
                .send()
                .await
                .map_err(ApiError::from_transport)?;
            log_status(operation, &response);
            envelope::read_data(response, order).await
        }))
        .await
    }

    /// A POST that is sent exactly once: its effects (an order, an SMS, a code attempt) must not
    /// happen twice because an answer was lost.
    pub(crate) async fn post_data<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        operation: &'static str,
        url: Url,
        body: &B,
        order: Option<&OrderId>,
    ) -> Result<T, ApiError> {
        self.unless_blocked(async {
            let response = self.post_once(operation, url, body).await?;
            envelope::read_data(response, order).await
        })
        .await
    }

    /// Like [`ApiClient::post_data`], for answers whose `data` is empty.
    pub(crate) async fn post_message<B: Serialize + ?Sized>(
        &self,
        operation: &'static str,
        url: Url,
        body: &B,
        order: Option<&OrderId>,
    ) -> Result<String, ApiError> {
        self.unless_blocked(async {
            let response = self.post_once(operation, url, body).await?;
            envelope::read_message(response, order).await
        })
        .await
    }

    async fn post_once<B: Serialize + ?Sized>(
        &self,
        operation: &'static str,
        url: Url,
        body: &B,
    ) -> Result<reqwest::Response, ApiError> {
        let response = self
            .http
            .post(url)
            .json(body)
            .send()
            .await
            .map_err(ApiError::from_transport)?;
        log_status(operation, &response);
        Ok(response)
    }

    /// Sends nothing while a block is in force, and notes one the answer reveals.
    async fn unless_blocked<T>(
        &self,
        request: impl Future<Output = Result<T, ApiError>>,
    ) -> Result<T, ApiError> {
        self.block.check()?;
        let result = request.await;
        self.block.note(&result, self.retry.max_blocked_pause);
        result
    }
}

// The URL is deliberately not logged: it holds the order ID.
fn log_status(operation: &'static str, response: &reqwest::Response) {
    tracing::debug!(operation, status = response.status().as_u16(), "answer");
}

//! Everything the running sandbox knows, behind one lock per concern.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use crate::captcha::CaptchaBook;
use crate::clock::{self, EpochMillis};
use crate::config::SandboxConfig;
use crate::decision;
use crate::error::ApiError;
use crate::faults::Fault;
use crate::order::{ImageSlot, Order, OrderStatus, Upload};
use crate::order_id::redacted;
use crate::outbox::{same_phone, OutboxMessage};
use crate::persistence::Persistence;
use crate::rate_limit::RateLimiter;
use crate::s3::{ExpiryCheck, ObjectStore, S3Credentials};
use crate::ticker::{Ticker, TickerSnapshot};
use crate::uplink::Uplink;

/// What is saved to `state.json`: the orders, the presigned keys, and the names on file.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Store {
    pub orders: HashMap<String, Order>,
    /// S3 key -> what it may hold. Lets the S3 endpoint file an upload under its order.
    pub presigned: HashMap<String, PresignedUpload>,
    /// E.164 phone -> names given at a payment step ("required only once per customer profile").
    pub profiles: HashMap<String, Profile>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PresignedUpload {
    pub order_id: String,
    pub slot: ImageSlot,
    pub expires_at: EpochMillis,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Profile {
    pub first_name: String,
    pub last_name: String,
}

impl Store {
    pub fn order_mut(&mut self, order_id: &str) -> Result<&mut Order, ApiError> {
        self.orders
            .get_mut(order_id)
            .ok_or_else(ApiError::order_not_found)
    }

    pub fn order(&self, order_id: &str) -> Result<&Order, ApiError> {
        self.orders
            .get(order_id)
            .ok_or_else(ApiError::order_not_found)
    }

    /// Brings every order up to `now`: decisions that are due are made, expired orders leave.
    /// `oldest_upload`: when the longest-running upload still being read arrived.
    fn settle(
        &mut self,
        now: EpochMillis,
        config: &SandboxConfig,
        oldest_upload: Option<EpochMillis>,
    ) {
        let decision_delay = clock::millis(config.decision_delay);
        for order in self.orders.values_mut() {
            decision::settle(order, now, decision_delay);
        }
        let ttl = clock::millis(config.order_ttl);
        self.orders.retain(|order_id, order| {
            let keep = order.status == OrderStatus::Approved
                || now <= order.created_at.saturating_add(ttl);
            if !keep {
                tracing::info!(order = %redacted(order_id), "order expired");
            }
            keep
        });
        // A presigned key is useless once its policy has expired; keep a minute of slack, and
        // keep it while a slow upload that arrived before it expired may be for it.
        let orders = &self.orders;
        self.presigned.retain(|_, presigned| {
            orders.contains_key(&presigned.order_id)
                && (now <= presigned.expires_at.saturating_add(60_000)
                    || oldest_upload.is_some_and(|arrived| arrived < presigned.expires_at))
        });
    }
}

impl Store {
    /// Ends, as if their day had passed, the unapproved orders for `amount_cents`: the server
    /// forgets them (404). How many.
    pub fn expire_orders_of(&mut self, amount_cents: u64) -> usize {
        let before = self.orders.len();
        self.orders.retain(|order_id, order| {
            let keep = order.amount_cents != amount_cents || order.status == OrderStatus::Approved;
            if !keep {
                tracing::info!(order = %redacted(order_id), "order expired on request");
            }
            keep
        });
        before - self.orders.len()
    }
}

/// What a handler sees inside [`Shared::with_store`].
pub(crate) struct Ctx<'a> {
    pub now: EpochMillis,
    pub ticker: TickerSnapshot,
    pub config: &'a SandboxConfig,
}

pub(crate) struct Shared {
    pub config: SandboxConfig,
    store: Mutex<Store>,
    persistence: Persistence,
    outbox: Mutex<Vec<OutboxMessage>>,
    pub captcha: CaptchaBook,
    fault: Mutex<Option<Fault>>,
    uplink: Mutex<Option<Uplink>>,
    expiry_check: Mutex<ExpiryCheck>,
    /// When each upload the image store is still reading arrived.
    uploads_in_flight: Mutex<Vec<EpochMillis>>,
    /// Upload permissions handed out since start: tests see whether a retry asked afresh.
    presigns_issued: std::sync::atomic::AtomicU64,
    order_reads: std::sync::atomic::AtomicU64,
    pub rate_limiter: RateLimiter,
    ticker: Mutex<Ticker>,
    pub objects: ObjectStore,
    pub chain: crate::chain::ChainBook,
    pub s3_credentials: S3Credentials,
    local_addr: SocketAddr,
    shutdown: watch::Receiver<bool>,
}

/// A poisoned lock only means another request panicked mid-update; the data is still the best we have.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub fn count_presign(&self) {
        self.presigns_issued
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn count_order_read(&self) {
        self.order_reads
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn order_reads(&self) -> u64 {
        self.order_reads.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn presigns_issued(&self) -> u64 {
        self.presigns_issued
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn new(
        config: SandboxConfig,
        store: Store,
        persistence: Persistence,
        objects: ObjectStore,
        local_addr: SocketAddr,
        shutdown: watch::Receiver<bool>,
    ) -> Self {
        let now = config.clock.now_millis();
        let ticker = Ticker::new(
            now,
            config.ticker_update_frequency_ms,
            config.initial_price_usd_cents,
        );
        Self {
            captcha: CaptchaBook::new(
                clock::millis(config.captcha_token_ttl),
                &config.recaptcha_site_key,
                &config.captcha_hostname,
            ),
            rate_limiter: RateLimiter::new(config.rate_limit_per_minute, config.rate_limit_block),
            chain: crate::chain::ChainBook::new(&config, now),
            uplink: Mutex::new(config.uplink),
            expiry_check: Mutex::new(config.expiry_check),
            uploads_in_flight: Mutex::new(Vec::new()),
            presigns_issued: std::sync::atomic::AtomicU64::new(0),
            order_reads: std::sync::atomic::AtomicU64::new(0),
            config,
            store: Mutex::new(store),
            persistence,
            outbox: Mutex::new(Vec::new()),
            fault: Mutex::new(None),
            ticker: Mutex::new(ticker),
            objects,
            s3_credentials: S3Credentials::random(),
            local_addr,
            shutdown,
        }
    }

    /// Where clients on this machine reach the sandbox.
    pub fn public_addr(&self) -> SocketAddr {
        crate::server::reachable(self.local_addr)
    }

    /// The sandbox's own time, from `config.clock`.
    pub fn now(&self) -> EpochMillis {
        self.config.clock.now_millis()
    }

    pub fn ticker(&self, now: EpochMillis) -> TickerSnapshot {
        lock(&self.ticker).snapshot(now)
    }

    /// Runs `f` on the settled store and saves the result (with a data folder).
    pub fn with_store<R>(
        &self,
        f: impl FnOnce(&mut Store, &Ctx<'_>) -> Result<R, ApiError>,
    ) -> Result<R, ApiError> {
        let now = self.now();
        let ctx = Ctx {
            now,
            ticker: self.ticker(now),
            config: &self.config,
        };
        let oldest_upload = lock(&self.uploads_in_flight).iter().min().copied();
        let mut store = lock(&self.store);
        store.settle(now, &self.config, oldest_upload);
        let result = f(&mut store, &ctx);
        // Saved while still locked, so two saves can never land out of order.
        if let Err(error) = self.persistence.save(&store) {
            tracing::error!(%error, "could not save the sandbox state");
        }
        result
    }

    /// Files an S3 upload under the order that asked for its key. `None`: nobody asked for it.
    pub fn record_upload(&self, key: &str, upload: Upload) -> Option<()> {
        self.with_store(|store, _| {
            let presigned = store.presigned.get(key).cloned().ok_or_else(ApiError::order_not_found)?;
            let order = store.order_mut(&presigned.order_id)?;
            order.uploads.insert(presigned.slot, upload);
            tracing::info!(order = %redacted(&presigned.order_id), slot = %presigned.slot, "image uploaded");
            Ok(())
        })
        .ok()
    }

    /// When the policy handed out with `key` expires; `None`: nobody asked for this key.
    pub fn presigned_until(&self, key: &str) -> Option<EpochMillis> {
        self.with_store(|store, _| {
            Ok(store
                .presigned
                .get(key)
                .map(|presigned| presigned.expires_at))
        })
        .ok()
        .flatten()
    }

    pub fn push_outbox(&self, message: OutboxMessage) {
        lock(&self.outbox).push(message);
    }

    pub fn outbox(&self, phone: Option<&str>) -> Vec<OutboxMessage> {
        lock(&self.outbox)
            .iter()
            .filter(|message| phone.is_none_or(|phone| same_phone(&message.phone, phone)))
            .cloned()
            .collect()
    }

    pub fn fault(&self) -> Option<Fault> {
        *lock(&self.fault)
    }

    pub fn set_fault(&self, fault: Option<Fault>) {
        tracing::info!(?fault, "fault injection changed");
        *lock(&self.fault) = fault;
    }

    /// Counts one upload against [`Fault::CloseEarly`]; `true`: close this one. The fault clears
    /// itself with its last upload.
    pub fn take_close_early(&self) -> bool {
        let mut fault = lock(&self.fault);
        let Some(Fault::CloseEarly(left)) = *fault else {
            return false;
        };
        *fault = match left {
            0 | 1 => None,
            more => Some(Fault::CloseEarly(more - 1)),
        };
        left > 0
    }

    pub fn uplink(&self) -> Option<Uplink> {
        *lock(&self.uplink)
    }

    pub fn set_uplink(&self, uplink: Option<Uplink>) {
        let shown = uplink.map_or_else(|| "unlimited".to_string(), |rate| rate.to_string());
        tracing::info!(uplink = %shown, "image store uplink changed");
        *lock(&self.uplink) = uplink;
    }

    /// An upload that arrived `at` is being read until [`Shared::upload_ended`].
    pub fn upload_began(&self, at: EpochMillis) {
        lock(&self.uploads_in_flight).push(at);
    }

    pub fn upload_ended(&self, at: EpochMillis) {
        let mut in_flight = lock(&self.uploads_in_flight);
        if let Some(index) = in_flight.iter().position(|&arrived| arrived == at) {
            in_flight.swap_remove(index);
        }
    }

    pub fn expiry_check(&self) -> ExpiryCheck {
        *lock(&self.expiry_check)
    }

    pub fn set_expiry_check(&self, check: ExpiryCheck) {
        tracing::info!(%check, "image store expiry check changed");
        *lock(&self.expiry_check) = check;
    }

    /// The API's own clock, which the ClockSkew fault moves.
    pub fn api_now(&self) -> EpochMillis {
        let skew_ms = match self.fault() {
            Some(Fault::ClockSkew(seconds)) => seconds.saturating_mul(1000),
            _ => 0,
        };
        self.now().saturating_add(skew_ms)
    }

    /// Resolves when the sandbox is shutting down (for handlers that hang on purpose).
    pub async fn shutting_down(&self) {
        let mut shutdown = self.shutdown.clone();
        // An error means the sender is gone, which also means shutdown.
        let _ = shutdown.wait_for(|stopping| *stopping).await;
    }
}

//! Starting, addressing and stopping a sandbox.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use url::Url;

use crate::config::SandboxConfig;
use crate::error::SandboxError;
use crate::faults::Fault;
use crate::outbox::OutboxMessage;
use crate::persistence::Persistence;
use crate::routes;
use crate::s3::{self, ExpiryCheck, ObjectStore};
use crate::state::Shared;
use crate::uplink::Uplink;

/// The sandbox server. Start one with [`Sandbox::start`].
pub struct Sandbox;

impl Sandbox {
    /// Binds `config.bind`, loads saved state from `config.data_dir` if any, and serves in the
    /// background on the current Tokio runtime until [`SandboxHandle::shutdown`] (or drop).
    pub async fn start(config: SandboxConfig) -> Result<SandboxHandle, SandboxError> {
        let (persistence, objects) = match &config.data_dir {
            Some(folder) => (
                Persistence::in_folder(folder)?,
                ObjectStore::in_folder(folder)?,
            ),
            None => (Persistence::in_memory(), ObjectStore::in_memory()),
        };
        let store = persistence.load()?;
        let listener =
            TcpListener::bind(config.bind)
                .await
                .map_err(|source| SandboxError::Bind {
                    addr: config.bind,
                    source,
                })?;
        let local_addr = listener.local_addr().map_err(|source| SandboxError::Bind {
            addr: config.bind,
            source,
        })?;
        let (shutdown_tx, shutdown_rx) = watch::channel(false);
        let shared = Arc::new(Shared::new(
            config,
            store,
            persistence,
            objects,
            local_addr,
            shutdown_rx.clone(),
        ));
        let app = app(&shared);

        let mut stop = shutdown_rx;
        let server = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let _ = stop.wait_for(|stopping| *stopping).await;
        });
        let task = tokio::spawn(async move { server.await.map_err(SandboxError::Serve) });
        tracing::info!(api = %api_base_url(shared.public_addr()), "sandbox started");
        Ok(SandboxHandle {
            shared,
            shutdown_tx,
            task: Some(task),
        })
    }
}

fn app(shared: &Arc<Shared>) -> Router {
    Router::new()
        .nest("/v2", routes::api_router(shared))
        .nest("/sandbox", routes::control_router())
        .nest("/esplora/api", routes::esplora_router(shared))
        .with_state(shared.clone())
        .nest_service(s3::MOUNT, s3::router(shared.clone()))
}

/// A running sandbox. Dropping it stops the server too; [`SandboxHandle::shutdown`] also waits.
pub struct SandboxHandle {
    shared: Arc<Shared>,
    shutdown_tx: watch::Sender<bool>,
    task: Option<JoinHandle<Result<(), SandboxError>>>,
}

impl SandboxHandle {
    /// The address the server listens on (loopback when bound to all interfaces).
    pub fn local_addr(&self) -> SocketAddr {
        self.shared.public_addr()
    }

    /// `http://127.0.0.1:PORT/v2`, the base the reference's paths go under.
    pub fn api_base_url(&self) -> Url {
        api_base_url(self.local_addr())
    }

    /// The practice captcha: a checkbox that, when ticked, navigates to
    /// `/sandbox/captcha/done?token=T`.
    pub fn captcha_page_url(&self) -> Url {
        url_at(self.local_addr(), "/sandbox/captcha")
    }

    /// The practice reCAPTCHA script, standing in for Google's `api.js` (`?onload=` and
    /// `render=explicit` as Google's).
    pub fn recaptcha_script_url(&self) -> Url {
        url_at(self.local_addr(), "/sandbox/recaptcha/api.js")
    }

    /// The practice site key the app's captcha page must render with.
    pub fn recaptcha_site_key(&self) -> &str {
        &self.shared.captcha.registered().site_key
    }

    /// The hostname "registered" for the app: tokens solved on another are refused.
    pub fn captcha_hostname(&self) -> &str {
        &self.shared.captcha.registered().hostname
    }

    /// A fresh one-use captcha token, as if a person had ticked the box on the registered
    /// hostname.
    pub fn issue_captcha_token(&self) -> String {
        self.shared.captcha.issue(self.shared.now())
    }

    /// Verification codes "sent", oldest first; only those to `phone_e164` when given.
    pub fn outbox(&self, phone_e164: Option<&str>) -> Vec<OutboxMessage> {
        self.shared.outbox(phone_e164)
    }

    /// Makes the API misbehave until called again with `None`.
    pub fn set_fault(&self, fault: Option<Fault>) {
        self.shared.set_fault(fault);
    }

    /// The fault in force; [`Fault::CloseEarly`] counts down and clears itself.
    pub fn fault(&self) -> Option<Fault> {
        self.shared.fault()
    }

    /// How many times an order was read (Order Status) since start.
    pub fn order_reads(&self) -> u64 {
        self.shared.order_reads()
    }

    /// How many upload permissions (Image Presign) were handed out since start.
    pub fn presigns_issued(&self) -> u64 {
        self.shared.presigns_issued()
    }

    /// Makes the image store read uploads no faster than `uplink` (`None`: no limit), from the
    /// next piece of every upload, including those under way.
    pub fn set_uplink(&self, uplink: Option<Uplink>) {
        self.shared.set_uplink(uplink);
    }

    pub fn uplink(&self) -> Option<Uplink> {
        self.shared.uplink()
    }

    /// When the image store holds uploads to their policy's expiration, from the next request.
    pub fn set_expiry_check(&self, check: ExpiryCheck) {
        self.shared.set_expiry_check(check);
    }

    pub fn expiry_check(&self) -> ExpiryCheck {
        self.shared.expiry_check()
    }

    /// `http://127.0.0.1:PORT/esplora/api`: the sandbox's chain, as an Esplora server.
    pub fn esplora_base_url(&self) -> Url {
        url_at(self.local_addr(), "/esplora/api")
    }

    /// Makes the chain's Esplora server misbehave until called again with `None`.
    pub fn set_chain_fault(&self, fault: Option<crate::ChainFault>) {
        self.shared.chain.set_fault(fault);
    }

    /// A confirmed payment to `address` from `days_ago` days back, before anything the sandbox
    /// paid (an address used before), as `POST /sandbox/chain/earlier-payments` makes. Its txid;
    /// `None` for what is not a mainnet address.
    pub fn add_earlier_payment(&self, address: &str, sats: u64, days_ago: u32) -> Option<String> {
        let payee = crate::chain::tx::Payee::parse(address).ok()?;
        let (txid, _) = self
            .shared
            .with_chain(|ledger, now| ledger.add_earlier_payment(&payee, sats, days_ago, now));
        Some(txid)
    }

    /// Ends the unapproved orders for `amount_cents` as if their day had passed (the server
    /// answers 404 for them), as `POST /sandbox/orders/expire` does. How many.
    pub fn expire_orders_of(&self, amount_cents: u64) -> usize {
        self.shared
            .with_store(|store, _| Ok(store.expire_orders_of(amount_cents)))
            .unwrap_or(0)
    }

    /// Stops accepting requests, lets running ones finish, and waits for the server to end.
    pub async fn shutdown(mut self) {
        let _ = self.shutdown_tx.send(true);
        if let Some(task) = self.task.take() {
            match task.await {
                Ok(Ok(())) => {}
                Ok(Err(error)) => tracing::error!(%error, "sandbox server error"),
                Err(error) => tracing::error!(%error, "sandbox server task failed"),
            }
        }
        tracing::info!("sandbox stopped");
    }
}

impl Drop for SandboxHandle {
    fn drop(&mut self) {
        let _ = self.shutdown_tx.send(true);
    }
}

/// Runs a sandbox until Ctrl-C (for `cardcoins sandbox serve`).
pub async fn serve_forever(config: SandboxConfig) -> Result<(), SandboxError> {
    let handle = Sandbox::start(config).await?;
    tracing::info!(
        api = %handle.api_base_url(),
        captcha = %handle.captcha_page_url(),
        "sandbox serving; Ctrl-C stops it"
    );
    let waited = tokio::signal::ctrl_c().await;
    handle.shutdown().await;
    waited.map_err(SandboxError::Signal)
}

/// Where a client on this machine reaches a listener bound to `addr`.
pub(crate) fn reachable(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), addr.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), addr.port())
        }
        _ => addr,
    }
}

fn api_base_url(addr: SocketAddr) -> Url {
    url_at(addr, "/v2")
}

fn url_at(addr: SocketAddr, path: &str) -> Url {
    let text = format!("http://{addr}{path}");
    // A socket address always makes a valid http URL.
    Url::parse(&text)
        .unwrap_or_else(|_| Url::parse("http://127.0.0.1/").expect("static URL parses"))
}

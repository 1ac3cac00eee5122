//! The watch against the sandbox's chain over real HTTP on 127.0.0.1: a payout followed from
//! waiting through its replacement to done, and each of the chain's faults.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, SystemTime};

use cardcoins_payout_watch::{
    poll_once, EsploraClient, NetworkErrorKind, PayoutTarget, PayoutWatch, Txid, WatchError,
    WatchEvent, WatchState,
};
use cardcoins_sandbox::{ChainFault, Clock, ManualClock, Sandbox, SandboxConfig, SandboxHandle};
use serde_json::{json, Value};
use time::OffsetDateTime;

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
/// Another customer's (BIP350's P2TR example).
const OTHER_ADDRESS: &str = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0";
const SATS: u64 = 83_523;

struct Chain {
    sandbox: SandboxHandle,
    clock: ManualClock,
    started_at: OffsetDateTime,
    http: reqwest::Client,
}

impl Chain {
    /// A sandbox on a manual clock with the default pace: the payout enters the mempool 2 s
    /// after approval, is replaced 10 s later, and blocks come every 10 s.
    async fn start() -> Chain {
        let started = SystemTime::now();
        let clock = ManualClock::starting_at(started);
        let sandbox = Sandbox::start(SandboxConfig {
            clock: Clock::from(&clock),
            ..SandboxConfig::default()
        })
        .await
        .expect("sandbox starts");
        Chain {
            sandbox,
            clock,
            started_at: OffsetDateTime::from(started),
            http: cardcoins_http::client_builder()
                .build()
                .expect("reqwest client"),
        }
    }

    fn client(&self) -> EsploraClient {
        client_at(
            self.sandbox.esplora_base_url().as_str(),
            Duration::from_secs(10),
        )
    }

    async fn control(&self, path: &str, body: Value) -> Value {
        let url = format!("http://{}/sandbox/chain/{path}", self.sandbox.local_addr());
        let response = self
            .http
            .post(url)
            .json(&body)
            .send()
            .await
            .expect("control request");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.json().await.expect("control answer")
    }

    /// As if an order paying `sats` to `address` had been approved now; the API's txid.
    async fn approve_payout(&self, address: &str, sats: u64) -> Txid {
        let answer = self
            .control("payouts", json!({"address": address, "sats": sats}))
            .await;
        answer["txid"]
            .as_str()
            .expect("txid")
            .parse()
            .expect("a txid")
    }

    async fn add_earlier_payment(&self, address: &str, sats: u64, days_ago: u32) {
        self.control(
            "earlier-payments",
            json!({"address": address, "sats": sats, "days_ago": days_ago}),
        )
        .await;
    }
}

fn client_at(base: &str, timeout: Duration) -> EsploraClient {
    EsploraClient::builder()
        .base_url(base)
        .timeout(timeout)
        .build()
        .expect("client")
}

fn watch_created_at(at: OffsetDateTime) -> PayoutWatch {
    PayoutWatch::new(PayoutTarget::new(ADDRESS, SATS, at).expect("target"))
}

#[tokio::test]
async fn a_payout_is_followed_from_waiting_through_its_replacement_to_done() {
    let chain = Chain::start().await;
    // The address was used before: once for this very amount, once for another.
    chain.add_earlier_payment(ADDRESS, SATS, 30).await;
    chain.add_earlier_payment(ADDRESS, 12_345, 2).await;
    let client = chain.client();
    let mut watch = watch_created_at(chain.started_at);

    chain.clock.advance(Duration::from_secs(5));
    let api_txid = chain.approve_payout(ADDRESS, SATS).await;
    chain.approve_payout(OTHER_ADDRESS, SATS).await;

    let mut states = vec![watch.state().clone()];
    let mut events: Vec<WatchEvent> = Vec::new();
    for _ in 0..120 {
        events.extend(poll_once(&client, &mut watch).await.expect("a poll"));
        // The app keeps the watch between polls and across restarts.
        let saved = serde_json::to_string(&watch).expect("saved");
        watch = serde_json::from_str(&saved).expect("read back");
        if states.last() != Some(watch.state()) {
            states.push(watch.state().clone());
        }
        if watch.is_done() {
            break;
        }
        chain.clock.advance(Duration::from_secs(1));
    }

    let names: Vec<&str> = states.iter().map(WatchState::name).collect();
    assert_eq!(
        names,
        [
            "waiting",
            "seen",
            "replaced",
            "confirmed",
            "confirmed",
            "done"
        ],
        "{states:?}"
    );
    let replacement = *states[2].txid().expect("replacement");
    assert_ne!(replacement, api_txid);
    assert!(matches!(&states[1], WatchState::Seen { txid, .. } if *txid == api_txid));
    assert_eq!(
        states[3],
        WatchState::Confirmed {
            txid: replacement,
            confirmations: 1
        }
    );
    let WatchState::Done { block_height, .. } = states[5] else {
        panic!("not done: {states:?}");
    };
    assert_eq!(
        events,
        vec![
            WatchEvent::Seen { txid: api_txid },
            WatchEvent::Replaced {
                old_txid: api_txid,
                new_txid: replacement
            },
            WatchEvent::Confirmed {
                txid: replacement,
                confirmations: 1
            },
            WatchEvent::Done {
                txid: replacement,
                block_height
            },
        ]
    );
    assert_eq!(watch.next_poll_delay(), None);
    assert!(poll_once(&client, &mut watch)
        .await
        .expect("done")
        .is_empty());

    // The replaced txid is forgotten by the server; the one that confirmed is not.
    assert_eq!(client.tx_status(&api_txid).await.expect("status"), None);
    assert!(client
        .tx_status(&replacement)
        .await
        .expect("status")
        .is_some());
}

#[tokio::test]
async fn a_server_that_is_down_is_a_transient_error_and_the_watch_backs_off() {
    let chain = Chain::start().await;
    chain.sandbox.set_chain_fault(Some(ChainFault::Down));
    let mut watch = watch_created_at(chain.started_at);
    let before = watch.next_poll_delay().expect("a delay");
    let error = poll_once(&chain.client(), &mut watch)
        .await
        .expect_err("down");
    assert!(
        matches!(error, WatchError::Unavailable { status: 503 }),
        "{error:?}"
    );
    assert!(error.is_transient());
    assert_eq!(watch.state(), &WatchState::Waiting);
    assert_eq!(watch.failures(), 1);
    assert!(watch.next_poll_delay().expect("a delay") > before);

    chain.sandbox.set_chain_fault(None);
    poll_once(&chain.client(), &mut watch)
        .await
        .expect("back up");
    assert_eq!(watch.failures(), 0);
}

#[tokio::test]
async fn a_slow_server_answers_within_the_timeout_or_times_out_as_transient() {
    let chain = Chain::start().await;
    chain.sandbox.set_chain_fault(Some(ChainFault::Slow));
    assert!(chain.client().tip_height().await.expect("slow but there") > 0);

    let impatient = client_at(
        chain.sandbox.esplora_base_url().as_str(),
        Duration::from_secs(1),
    );
    let mut watch = watch_created_at(chain.started_at);
    let error = poll_once(&impatient, &mut watch)
        .await
        .expect_err("too slow");
    assert!(
        matches!(
            error,
            WatchError::Network {
                kind: NetworkErrorKind::Timeout,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.is_transient());
    assert_eq!(watch.failures(), 1);
}

#[tokio::test]
async fn nonsense_is_a_permanent_unreadable_answer_never_a_panic() {
    let chain = Chain::start().await;
    chain.sandbox.set_chain_fault(Some(ChainFault::Nonsense));
    let client = chain.client();
    let mut watch = watch_created_at(chain.started_at);
    let error = poll_once(&client, &mut watch).await.expect_err("nonsense");
    assert!(matches!(error, WatchError::Unreadable { .. }), "{error:?}");
    assert!(!error.is_transient());
    assert_eq!(watch.state(), &WatchState::Waiting);

    let address = watch.target().address().clone();
    assert!(matches!(
        client.address_txs(&address).await,
        Err(WatchError::Unreadable { .. })
    ));
    assert!(matches!(
        client.tip_height().await,
        Err(WatchError::Unreadable { .. })
    ));
    let txid: Txid = "ab".repeat(32).parse().expect("txid");
    assert!(matches!(
        client.tx_status(&txid).await,
        Err(WatchError::Unreadable { .. })
    ));
}

#[tokio::test]
async fn no_server_is_offline_and_a_server_that_is_not_esplora_is_refused() {
    let free_port = {
        let listener = std::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .expect("a free port");
        listener.local_addr().expect("address").port()
    };
    let nobody = client_at(
        &format!("http://127.0.0.1:{free_port}/api"),
        Duration::from_secs(5),
    );
    let mut watch = watch_created_at(OffsetDateTime::now_utc());
    let error = poll_once(&nobody, &mut watch)
        .await
        .expect_err("nobody there");
    assert!(
        matches!(
            error,
            WatchError::Network {
                kind: NetworkErrorKind::Offline,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.is_transient());
    assert!(!error.to_string().contains(ADDRESS), "{error}");

    let chain = Chain::start().await;
    let not_esplora = client_at(
        chain.sandbox.api_base_url().as_str(),
        Duration::from_secs(5),
    );
    let error = poll_once(&not_esplora, &mut watch)
        .await
        .expect_err("not esplora");
    assert!(
        matches!(error, WatchError::Refused { status: 404 }),
        "{error:?}"
    );
    assert!(!error.is_transient());
}

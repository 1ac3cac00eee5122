//! The chain behind `/esplora/api`: an approved on-chain payout enters the mempool, is replaced
//! once by a larger batch, then confirms at the configured pace; its faults; its control routes.

mod common;

use std::time::{Duration, Instant};

use common::{Harness, BECH32_ADDRESS, PHONE, TESTNET_ADDRESS};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Another valid mainnet address (BIP350's P2TR example).
const TAPROOT_ADDRESS: &str = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0";

async fn esplora(harness: &Harness, path: &str) -> (StatusCode, String) {
    let url = format!("{}/{path}", harness.sandbox.esplora_base_url());
    let response = harness.http.get(url).send().await.expect("esplora request");
    let status = response.status();
    (status, response.text().await.expect("esplora body"))
}

async fn esplora_json(harness: &Harness, path: &str) -> Value {
    let (status, body) = esplora(harness, path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|_| panic!("{path} is not JSON: {body}"))
}

async fn history(harness: &Harness, address: &str) -> Vec<Value> {
    esplora_json(harness, &format!("address/{address}/txs"))
        .await
        .as_array()
        .cloned()
        .expect("a list")
}

async fn tip_height(harness: &Harness) -> u64 {
    let (status, body) = esplora(harness, "blocks/tip/height").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body.trim().parse().expect("a bare number")
}

async fn control(harness: &Harness, path: &str, body: Value) -> (StatusCode, Value) {
    let response = harness
        .http
        .post(format!("{}/sandbox/chain/{path}", harness.origin()))
        .json(&body)
        .send()
        .await
        .expect("control request");
    common::into_json(response).await
}

/// (txid, confirmed, sats paid to `address`) of each transaction in the history.
fn summary(txs: &[Value], address: &str) -> Vec<(String, bool, u64)> {
    txs.iter()
        .map(|tx| {
            let paid = tx["vout"]
                .as_array()
                .expect("vout")
                .iter()
                .filter(|output| output["scriptpubkey_address"] == address)
                .filter_map(|output| output["value"].as_u64())
                .sum();
            let txid = tx["txid"].as_str().expect("txid").to_string();
            (txid, tx["status"]["confirmed"] == true, paid)
        })
        .collect()
}

async fn approved_onchain_order(harness: &Harness) -> Value {
    let order_id = harness
        .authorized_order(5500, PHONE, json!({"address": BECH32_ADDRESS}))
        .await;
    harness.upload_required_images(&order_id).await;
    let (status, body) = harness.post(&format!("orders/{order_id}/verify"), "").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let order = harness.decision(&order_id).await;
    assert_eq!(order["status"], "approved", "{order}");
    order
}

#[tokio::test]
async fn an_approved_payout_appears_is_replaced_once_by_a_larger_batch_then_confirms() {
    let harness = Harness::start().await;
    let order = approved_onchain_order(&harness).await;
    let api_txid = order["payout"]["txid"].as_str().expect("txid").to_string();
    let sats = order["payout"]["currency_amount"].as_u64().expect("sats");
    let start_tip = tip_height(&harness).await;

    harness.clock.advance(Duration::from_secs(1));
    assert!(history(&harness, BECH32_ADDRESS).await.is_empty());

    harness.clock.advance(Duration::from_secs(1));
    let first = history(&harness, BECH32_ADDRESS).await;
    assert_eq!(
        summary(&first, BECH32_ADDRESS),
        vec![(api_txid.clone(), false, sats)]
    );
    let first_outputs = first[0]["vout"].as_array().expect("vout").len();
    assert!(first_outputs > 2, "a batch: {}", first[0]);
    assert_eq!(first[0]["vin"][0]["sequence"], 0xFFFF_FFFD_u32);
    assert_eq!(
        esplora_json(&harness, &format!("tx/{api_txid}/status")).await,
        json!({"confirmed": false})
    );

    harness.clock.advance(Duration::from_secs(10));
    let replaced = history(&harness, BECH32_ADDRESS).await;
    let summary_now = summary(&replaced, BECH32_ADDRESS);
    assert_eq!(summary_now.len(), 1, "{replaced:?}");
    let (replacement, confirmed, paid) = summary_now[0].clone();
    assert_ne!(replacement, api_txid);
    assert_eq!((confirmed, paid), (false, sats));
    assert!(replaced[0]["vout"].as_array().expect("vout").len() > first_outputs);
    assert!(replaced[0]["fee"].as_u64() > first[0]["fee"].as_u64());
    assert_eq!(replaced[0]["vin"][0]["txid"], first[0]["vin"][0]["txid"]);
    let (status, body) = esplora(&harness, &format!("tx/{api_txid}/status")).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::NOT_FOUND, "Transaction not found")
    );

    harness.clock.advance(Duration::from_secs(10));
    let mined = history(&harness, BECH32_ADDRESS).await;
    assert_eq!(
        summary(&mined, BECH32_ADDRESS),
        vec![(replacement.clone(), true, sats)]
    );
    let tip = tip_height(&harness).await;
    let status = esplora_json(&harness, &format!("tx/{replacement}/status")).await;
    assert_eq!(status["block_height"], tip);
    assert_eq!(status["confirmed"], true);
    assert!(status["block_hash"]
        .as_str()
        .is_some_and(|hash| hash.len() == 64));
    assert!(status["block_time"].as_i64().is_some());
    assert_eq!(
        esplora_json(&harness, &format!("tx/{replacement}")).await["status"],
        status
    );

    harness.clock.advance(Duration::from_secs(20));
    assert_eq!(tip_height(&harness).await, tip + 2);
    assert!(tip > start_tip);
    let (status, hash) = esplora(&harness, "blocks/tip/hash").await;
    assert_eq!((status, hash.len()), (StatusCode::OK, 64));
}

#[tokio::test]
async fn other_payouts_stay_under_their_own_address() {
    let harness = Harness::start().await;
    let (status, ours) = control(
        &harness,
        "payouts",
        json!({"address": BECH32_ADDRESS, "sats": 83_523}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{ours}");
    let (status, theirs) = control(
        &harness,
        "payouts",
        json!({"address": TAPROOT_ADDRESS, "sats": 50_000}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{theirs}");
    harness.clock.advance(Duration::from_secs(2));
    let mine = history(&harness, BECH32_ADDRESS).await;
    assert_eq!(
        summary(&mine, BECH32_ADDRESS),
        vec![(
            ours["txid"].as_str().expect("txid").to_string(),
            false,
            83_523
        )]
    );
    let other = history(&harness, TAPROOT_ADDRESS).await;
    assert_eq!(
        summary(&other, TAPROOT_ADDRESS),
        vec![(
            theirs["txid"].as_str().expect("txid").to_string(),
            false,
            50_000
        )]
    );
    assert_eq!(
        other[0]["vout"]
            .as_array()
            .expect("vout")
            .iter()
            .filter(|output| output["scriptpubkey_type"] == "v1_p2tr")
            .count(),
        1
    );
}

#[tokio::test]
async fn an_earlier_payment_is_confirmed_long_before_and_listed_after_the_mempool() {
    let harness = Harness::start().await;
    let (status, earlier) = control(
        &harness,
        "earlier-payments",
        json!({"address": BECH32_ADDRESS, "sats": 12_345, "days_ago": 30}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{earlier}");
    control(
        &harness,
        "payouts",
        json!({"address": BECH32_ADDRESS, "sats": 83_523}),
    )
    .await;
    harness.clock.advance(Duration::from_secs(2));
    let txs = history(&harness, BECH32_ADDRESS).await;
    let listed = summary(&txs, BECH32_ADDRESS);
    assert_eq!(listed.len(), 2);
    assert_eq!((listed[0].1, listed[0].2), (false, 83_523));
    assert_eq!(
        listed[1],
        (
            earlier["txid"].as_str().expect("txid").to_string(),
            true,
            12_345
        )
    );
    let thirty_days = 30 * 24 * 60 * 60;
    let now = txs[1]["status"]["block_time"].as_i64().expect("time") + thirty_days;
    let real_now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    assert!(now.abs_diff(i64::try_from(real_now).expect("seconds")) < 3600);
    assert_eq!(txs[1]["status"]["block_height"], earlier["block_height"]);
}

#[tokio::test]
async fn blocks_can_be_mined_on_demand() {
    let harness = Harness::start().await;
    let before = tip_height(&harness).await;
    let (status, body) = control(&harness, "mine", json!({"blocks": 3})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["tip_height"], before + 3);
    assert_eq!(tip_height(&harness).await, before + 3);
    let (status, body) = control(&harness, "mine", json!({"blocks": 1_000_000})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn esplora_refuses_in_its_own_words() {
    let harness = Harness::start().await;
    let (status, body) = esplora(&harness, "address/nonsense/txs").await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::BAD_REQUEST, "Invalid Bitcoin address")
    );
    let (status, body) = esplora(&harness, &format!("address/{TESTNET_ADDRESS}/txs")).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::BAD_REQUEST, "Address on invalid network")
    );
    let (status, body) = esplora(&harness, "tx/xyz/status").await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::BAD_REQUEST, "Invalid hex string")
    );
    let (status, body) = esplora(&harness, &format!("tx/{}/status", "ab".repeat(32))).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::NOT_FOUND, "Transaction not found")
    );
    let (status, _) = esplora(&harness, "mempool").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(history(&harness, BECH32_ADDRESS).await.is_empty());

    let (status, body) = control(
        &harness,
        "payouts",
        json!({"address": TESTNET_ADDRESS, "sats": 1}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = control(&harness, "payouts", json!({"sats": 1})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn chain_faults_touch_the_chain_only() {
    let harness = Harness::start().await;
    let (status, body) = control(&harness, "fault", json!("down")).await;
    assert_eq!((status, body), (StatusCode::OK, json!({"fault": "down"})));
    let (status, _) = esplora(&harness, "blocks/tip/height").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let (status, _) = esplora(&harness, &format!("address/{BECH32_ADDRESS}/txs")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let (status, _) = harness.get("tickers").await;
    assert_eq!(status, StatusCode::OK);

    harness
        .sandbox
        .set_chain_fault(Some(cardcoins_sandbox::ChainFault::Nonsense));
    for path in [
        format!("address/{BECH32_ADDRESS}/txs"),
        format!("tx/{}/status", "ab".repeat(32)),
        "blocks/tip/height".to_string(),
    ] {
        let (status, body) = esplora(&harness, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let as_history = serde_json::from_str::<Vec<Value>>(&body);
        let as_number = body.trim().parse::<u64>();
        assert!(as_history.is_err() && as_number.is_err(), "{path}: {body}");
    }

    control(&harness, "fault", json!("slow")).await;
    let started = Instant::now();
    assert!(tip_height(&harness).await > 0);
    assert!(started.elapsed() >= Duration::from_secs(3));

    let (status, body) = control(&harness, "fault", json!(null)).await;
    assert_eq!((status, body), (StatusCode::OK, json!({"fault": null})));
    let started = Instant::now();
    tip_height(&harness).await;
    assert!(started.elapsed() < Duration::from_secs(2));
    let (status, body) = control(&harness, "fault", json!("flaky")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    assert_eq!(harness.control("chain/fault").await, json!({"fault": null}));
}

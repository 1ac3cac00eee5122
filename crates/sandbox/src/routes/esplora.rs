//! `/esplora/api`: the part of Esplora's HTTP API that watching a payout needs, over the
//! sandbox's chain, with Esplora's shapes and its plain-text errors.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::Value;

use crate::chain::fault;
use crate::chain::tx::{ChainTx, Payee};
use crate::state::Shared;

pub(crate) fn router(shared: &Arc<Shared>) -> Router<Arc<Shared>> {
    Router::new()
        .route("/address/{address}/txs", get(address_txs))
        .route("/tx/{txid}", get(tx))
        .route("/tx/{txid}/status", get(tx_status))
        .route("/blocks/tip/height", get(tip_height))
        .route("/blocks/tip/hash", get(tip_hash))
        .fallback(unknown)
        .layer(middleware::from_fn_with_state(
            shared.clone(),
            fault::inject,
        ))
}

async fn address_txs(State(shared): State<Arc<Shared>>, Path(address): Path<String>) -> Response {
    let payee = match Payee::parse(&address) {
        Ok(payee) => payee,
        Err(refusal) => return (StatusCode::BAD_REQUEST, refusal.message()).into_response(),
    };
    let history = shared.with_chain(|ledger, _| {
        ledger
            .history(&payee.script)
            .into_iter()
            .map(ChainTx::json)
            .collect::<Vec<Value>>()
    });
    Json(history).into_response()
}

async fn tx(State(shared): State<Arc<Shared>>, Path(txid): Path<String>) -> Response {
    with_tx(&shared, &txid, ChainTx::json)
}

async fn tx_status(State(shared): State<Arc<Shared>>, Path(txid): Path<String>) -> Response {
    with_tx(&shared, &txid, ChainTx::status_json)
}

fn with_tx(shared: &Shared, txid: &str, show: impl FnOnce(&ChainTx) -> Value) -> Response {
    if txid.len() != 64 || !txid.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        return (StatusCode::BAD_REQUEST, "Invalid hex string").into_response();
    }
    match shared.with_chain(|ledger, _| ledger.tx(txid).map(show)) {
        Some(body) => Json(body).into_response(),
        None => (StatusCode::NOT_FOUND, "Transaction not found").into_response(),
    }
}

async fn tip_height(State(shared): State<Arc<Shared>>) -> String {
    shared.with_chain(|ledger, _| ledger.tip_height().to_string())
}

async fn tip_hash(State(shared): State<Arc<Shared>>) -> String {
    shared.with_chain(|ledger, _| ledger.tip_hash())
}

async fn unknown() -> Response {
    (
        StatusCode::NOT_FOUND,
        "Not found: the sandbox's chain serves address/{address}/txs, tx/{txid}, tx/{txid}/status, blocks/tip/height and blocks/tip/hash",
    )
        .into_response()
}

//! `/sandbox/chain/...`: what tests and practice use to steer the chain behind `/esplora/api`.

use std::sync::Arc;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bytes::Bytes;
use rand::RngCore;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

use crate::chain::tx::Payee;
use crate::chain::ChainFault;
use crate::clock::iso8601;
use crate::error::ApiError;
use crate::state::Shared;

/// Beyond this, one request would hold the chain's lock for long.
const MAX_BLOCKS_AT_ONCE: u32 = 1000;

pub(super) fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/chain/fault", get(current_fault).post(set_fault))
        .route("/chain/payouts", post(send_payout))
        .route("/chain/earlier-payments", post(add_earlier_payment))
        .route("/chain/mine", post(mine))
}

async fn current_fault(State(shared): State<Arc<Shared>>) -> Response {
    Json(json!({"fault": shared.chain.fault()})).into_response()
}

/// POST /sandbox/chain/fault with `"down"`, `"slow"`, `"nonsense"` or `null`.
async fn set_fault(State(shared): State<Arc<Shared>>, body: Bytes) -> Result<Response, ApiError> {
    let fault: Option<ChainFault> = serde_json::from_slice(&body).map_err(|error| {
        ApiError::bad_request(format!(
            "Not a chain fault ({error}). Send null, \"down\", \"slow\" or \"nonsense\"."
        ))
    })?;
    shared.chain.set_fault(fault);
    Ok(Json(json!({"fault": fault})).into_response())
}

#[derive(Deserialize)]
struct PayoutRequest {
    address: String,
    sats: u64,
}

/// POST /sandbox/chain/payouts `{"address", "sats"}`: a payout as if an order paying it had been
/// approved now, with the same life as an order's. Answers the first batch's txid.
async fn send_payout(State(shared): State<Arc<Shared>>, body: Bytes) -> Result<Response, ApiError> {
    let request: PayoutRequest = read(&body, r#"{"address": "bc1q...", "sats": 83523}"#)?;
    let payee = payee(&request.address)?;
    let mut reference = [0u8; 32];
    rand::rng().fill_bytes(&mut reference);
    let txid = hex::encode(reference);
    let sent_at = shared.with_chain(|ledger, now| {
        ledger.schedule(&txid, payee, request.sats, now);
        now
    });
    Ok(Json(json!({"txid": txid, "sent_at": iso8601(sent_at)})).into_response())
}

#[derive(Deserialize)]
struct EarlierPaymentRequest {
    address: String,
    sats: u64,
    #[serde(default = "thirty")]
    days_ago: u32,
}

fn thirty() -> u32 {
    30
}

/// POST /sandbox/chain/earlier-payments `{"address", "sats", "days_ago"}`: a confirmed payment
/// to the address from before (an address used twice), `days_ago` (default 30) days back.
async fn add_earlier_payment(
    State(shared): State<Arc<Shared>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request: EarlierPaymentRequest = read(
        &body,
        r#"{"address": "bc1q...", "sats": 12345, "days_ago": 30}"#,
    )?;
    let payee = payee(&request.address)?;
    let (txid, block_height) = shared.with_chain(|ledger, now| {
        ledger.add_earlier_payment(&payee, request.sats, request.days_ago, now)
    });
    Ok(Json(json!({"txid": txid, "block_height": block_height})).into_response())
}

#[derive(Deserialize)]
struct MineRequest {
    #[serde(default = "one")]
    blocks: u32,
}

fn one() -> u32 {
    1
}

/// POST /sandbox/chain/mine `{"blocks": n}` (default 1): blocks now, without waiting for the pace.
async fn mine(State(shared): State<Arc<Shared>>, body: Bytes) -> Result<Response, ApiError> {
    let request: MineRequest = read(&body, r#"{"blocks": 1}"#)?;
    if request.blocks > MAX_BLOCKS_AT_ONCE {
        return Err(ApiError::bad_request(format!(
            "At most {MAX_BLOCKS_AT_ONCE} blocks at once."
        )));
    }
    let tip_height = shared.with_chain(|ledger, now| {
        ledger.mine_now(request.blocks, now);
        ledger.tip_height()
    });
    Ok(Json(json!({"tip_height": tip_height})).into_response())
}

/// An empty body means `{}`, as on the API.
fn read<T: DeserializeOwned>(body: &[u8], example: &str) -> Result<T, ApiError> {
    let text: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    serde_json::from_slice(text).map_err(|error| {
        ApiError::bad_request(format!(
            "Not a request this route reads ({error}). Send {example}."
        ))
    })
}

fn payee(address: &str) -> Result<Payee, ApiError> {
    Payee::parse(address).map_err(|refusal| {
        ApiError::bad_request(format!(
            "{}: the chain pays mainnet bitcoin addresses only.",
            refusal.message()
        ))
    })
}

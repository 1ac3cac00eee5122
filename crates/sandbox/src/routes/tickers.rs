use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use serde_json::json;

use crate::clock;
use crate::state::Shared;

use super::ok;

/// GET /v2/tickers
pub(crate) async fn get_all(State(shared): State<Arc<Shared>>) -> Response {
    let ticker = shared.ticker(shared.now());
    ok(
        "",
        json!({
            "currencies": [{
                "name": "bitcoin",
                "symbol": "BTC",
                "price_usd": ticker.price_usd_cents,
                "enabled": true,
            }],
            "last_updated_at": clock::iso8601(ticker.last_updated_at),
            "update_frequency": ticker.update_frequency_ms,
        }),
    )
}

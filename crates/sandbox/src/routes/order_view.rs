//! The `data` of Get Existing Order: the reference's fields, in every dialect, plus whatever the
//! configured dialect adds where the reference is silent.

use serde_json::{json, Map, Value};

use crate::clock;
use crate::error::ApiError;
use crate::order::quote_sats;
use crate::state::{Ctx, Store};

pub(crate) fn render(store: &Store, order_id: &str, ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let order = store.order(order_id)?;
    let dialect = ctx.config.dialect;
    let price = order
        .locked_price_usd_cents
        .unwrap_or(ctx.ticker.price_usd_cents);
    let mut data = Map::new();
    data.insert("status".into(), json!(dialect.status_word(order.status)));
    data.insert(
        "order".into(),
        json!({
            "currency_symbol": "BTC",
            "base_currency": "USD",
            "base_currency_amount": order.amount_cents,
            "created_at": clock::iso8601(order.created_at),
            "currency": "bitcoin",
            "currency_price_usd": price,
            "currency_amount": quote_sats(order.amount_cents, price),
        }),
    );
    data.insert(
        "ticker".into(),
        json!({
            "last_updated_at": clock::iso8601(ctx.ticker.last_updated_at),
            "update_frequency": ctx.ticker.update_frequency_ms,
        }),
    );
    dialect.add_order_extras(&mut data, store, order_id, ctx);
    Ok(Value::Object(data))
}

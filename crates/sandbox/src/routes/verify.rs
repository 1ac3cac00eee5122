use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;

use crate::error::ApiError;
use crate::order::OrderStatus;
use crate::order_id::redacted;
use crate::state::Shared;

use super::ok_empty;

/// POST /v2/orders/<order_id>/verify (no body)
pub(crate) async fn verify(
    State(shared): State<Arc<Shared>>,
    Path(order_id): Path<String>,
) -> Result<Response, ApiError> {
    shared.with_store(|store, ctx| {
        let order = store.order_mut(&order_id)?;
        match order.status {
            OrderStatus::Authorized | OrderStatus::Rejected => {}
            OrderStatus::Created => {
                return Err(ApiError::forbidden(
                    "Nothing to verify yet: confirm the phone, submit payment details, then upload the images.",
                ))
            }
            OrderStatus::Processing => {
                return Err(ApiError::forbidden("The images are already being reviewed: wait for the decision."))
            }
            OrderStatus::Approved => return Err(ApiError::forbidden("This order is already approved and paid.")),
        }
        let missing = order.missing_images();
        if !missing.is_empty() {
            return Err(ApiError::missing_images(missing));
        }
        order.locked_price_usd_cents.get_or_insert(ctx.ticker.price_usd_cents);
        order.status = OrderStatus::Processing;
        order.verify_requested_at = Some(ctx.now);
        Ok(())
    })?;
    tracing::info!(order = %redacted(&order_id), "images submitted for review");
    Ok(ok_empty(""))
}

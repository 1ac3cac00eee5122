//! The layer that gives every `/v2` error answer the configured dialect's shape: handlers,
//! extractors, the rate limiter and the faults all produce one `ApiError`, rendered here.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::error::ApiError;
use crate::state::Shared;

use super::Dialect;

pub(crate) async fn render_errors(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let response = next.run(request).await;
    let dialect = shared.config.dialect;
    if dialect == Dialect::Extended {
        return response;
    }
    match response.extensions().get::<ApiError>() {
        Some(error) => dialect.error_response(error),
        None => response,
    }
}

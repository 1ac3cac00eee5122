//! The order history: list, forget, and copy an order's ID for support. The ID goes from the
//! vault to the clipboard in Rust; it never enters the webview.

use cardcoins_core::OrderId;

use crate::error::AppError;
use crate::order_views::OrderSummary;
use crate::state::AppState;

pub async fn list_orders(state: &AppState) -> Result<Vec<OrderSummary>, AppError> {
    let records = state.vault(|vault| Ok(vault.orders())).await?;
    Ok(records.iter().map(OrderSummary::from).collect())
}

pub async fn forget_order(state: &AppState, handle: &str) -> Result<(), AppError> {
    state.drop_prepared(handle, None);
    let handle = handle.to_string();
    state.vault(move |vault| vault.forget(&handle)).await
}

pub async fn order_id(state: &AppState, handle: &str) -> Result<OrderId, AppError> {
    let handle = handle.to_string();
    state.vault(move |vault| vault.order_id(&handle)).await
}

/// Only on the person's explicit OK, where no system keyring works: order IDs are kept
/// unencrypted in the app's data file instead of for this run only.
pub async fn allow_plain_file_vault(state: &AppState) -> Result<(), AppError> {
    state.vault(|vault| vault.allow_plain_file()).await
}

/// The order's ID on the clipboard, for CardCoins support; it never enters the webview.
pub async fn copy_order_id(state: &AppState, handle: &str) -> Result<(), AppError> {
    let id = order_id(state, handle).await?;
    state
        .shell()
        .copy_to_clipboard(id.expose_secret())
        .map_err(|error| AppError::internal("copying to the clipboard", error))
}

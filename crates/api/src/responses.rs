//! The client's reading of answers, without the network: the same code the client runs once a
//! body is read (at most 1 MiB), for each kind of answer. For fuzzing and for tools that replay
//! recorded answers. `status` is the HTTP status; `order` is the order the request was about,
//! whose ID is scrubbed from any message the server echoes.

use cardcoins_core::OrderId;
use reqwest::StatusCode;

use crate::envelope::{decode_data, decode_message};
use crate::error::ApiError;
use crate::types::{
    Ack, CreatedOrderWire, OrderDataWire, OrderDetails, Presign, Tickers, UploadReceipt,
};

fn status_code(status: u16) -> Result<StatusCode, ApiError> {
    StatusCode::from_u16(status).map_err(|_| ApiError::Decode {
        detail: format!("unexpected HTTP status {status}"),
    })
}

/// Get All Tickers.
pub fn tickers(status: u16, body: &[u8]) -> Result<Tickers, ApiError> {
    decode_data(status_code(status)?, None, body, None)
}

/// Create New Order: the new order's ID.
pub fn created_order(status: u16, body: &[u8]) -> Result<OrderId, ApiError> {
    decode_data::<CreatedOrderWire>(status_code(status)?, None, body, None)?.into_order_id()
}

/// Get Existing Order.
pub fn order(status: u16, body: &[u8], order: Option<&OrderId>) -> Result<OrderDetails, ApiError> {
    decode_data::<OrderDataWire>(status_code(status)?, None, body, order)
        .map(|wire| wire.into_details(order))
}

/// Image Presign.
pub fn presign(status: u16, body: &[u8], order: Option<&OrderId>) -> Result<Presign, ApiError> {
    decode_data(status_code(status)?, None, body, order)
}

/// The answers where only the message matters: Update Existing Order, the phone steps,
/// Address/Invoice Submit and Image Verify.
pub fn message(status: u16, body: &[u8], order: Option<&OrderId>) -> Result<Ack, ApiError> {
    decode_message(status_code(status)?, None, body, order).map(|message| Ack { message })
}

/// The image store's answer to the presigned upload (S3 XML).
pub fn upload(status: u16, body: &[u8], presign: &Presign) -> Result<UploadReceipt, ApiError> {
    crate::upload::store_answer(status_code(status)?, body, presign)
}

//! A typed async client for the CardCoins API v2 and for the S3 image upload it hands out.
//!
//! ```no_run
//! # async fn demo() -> Result<(), cardcoins_api::ApiError> {
//! use cardcoins_api::{ApiClient, NewOrder};
//! use cardcoins_core::Cents;
//!
//! let client = ApiClient::builder().build()?;
//! let price = client.get_tickers().await?;
//! let order = client.create_order(&NewOrder::new(Cents::new(5500))).await?;
//! let details = client.get_order(&order).await?;
//! # Ok(()) }
//! ```
//!
//! Requests that change something (create an order, send or submit a phone code, submit payment
//! details) are sent exactly once. Reads and uploads are repeated after transient failures.
//! Nothing here logs or shows a full order ID.

mod block_gate;
mod builder;
mod captcha_setup;
mod client;
mod envelope;
mod error;
mod images;
mod orders;
mod payment;
mod phones;
mod practice;
mod progress;
pub mod responses;
mod retry;
mod tickers;
mod types;
mod uplink;
mod upload;

pub use builder::{ApiClientBuilder, DEFAULT_BASE_URL, DEFAULT_USER_AGENT};
pub use captcha_setup::{CaptchaSetup, CaptchaSetupError};
pub use cardcoins_core::PersonName;
pub use client::ApiClient;
pub use error::{ApiError, NetworkErrorKind, RefusedRequest, UploadErrorKind};
pub use orders::{NewOrder, OrderUpdate};
pub use payment::PaymentDetails;
pub use phones::CodeChannel;
pub use practice::OutboxMessage;
pub use progress::{PhotoNeed, Progress};
pub use retry::RetryPolicy;
pub use types::{
    Ack, ImageFeedback, OrderDetails, Payout, Presign, RequiredImage, SubmittedDestination, Ticker,
    Tickers, UploadReceipt,
};
pub use uplink::{BytesPerSecond, LinkBudget, MAX_PHOTO_BYTES, UNMEASURED_BUDGET, UPLOAD_TARGET};
pub use upload::{ImageUpload, UploadProgress};

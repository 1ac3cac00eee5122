//! What the API answers, as the rest of the app uses it. The wire shapes are read leniently:
//! unknown fields are ignored, optional extras may be missing, unknown statuses stay `Unknown`.

mod ack;
mod extras;
mod order;
mod presign;
mod receipt;
mod ticker;
mod timestamp;

pub use ack::Ack;
pub(crate) use order::{CreatedOrderWire, OrderDataWire};
pub use order::{ImageFeedback, OrderDetails, Payout, RequiredImage, SubmittedDestination};
pub use presign::Presign;
pub use receipt::UploadReceipt;
pub use ticker::{Ticker, Tickers};

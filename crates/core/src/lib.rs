//! CardCoins domain types. Each type can only be built through a parser that refuses bad input
//! with a message a person can act on, so the rest of the app never holds an invalid value.

mod destination;
mod error;
mod flow_step;
mod image_slot;
mod money;
mod order_id;
mod order_status;
mod phone;
mod status_words;

pub use destination::{
    ApiField, Bolt11Invoice, Destination, LightningAddress, OnChainAddress, OnChainKind,
    ParsedDestination,
};
pub use error::CoreError;
pub use flow_step::FlowStep;
pub use image_slot::ImageSlot;
pub use money::{quote_sats, Cents, Sats};
pub use order_id::OrderId;
pub use order_status::OrderStatus;
pub use phone::PhoneNumber;

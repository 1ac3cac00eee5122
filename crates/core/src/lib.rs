//! CardCoins domain types. Each type can only be built through a parser that refuses bad input
//! with a message a person can act on, so the rest of the app never holds an invalid value.

mod destination;
mod error;
mod error_code;
mod flow_step;
mod image_slot;
mod money;
mod order_id;
mod order_status;
mod person_name;
mod phone;
mod status_words;
mod verification_code;

pub use destination::{
    ApiField, Bolt11Invoice, Destination, DestinationNote, LightningAddress, OnChainAddress,
    OnChainKind, ParsedDestination,
};
pub use error::CoreError;
pub use error_code::{ErrorCode, ErrorKind};
pub use flow_step::FlowStep;
pub use image_slot::ImageSlot;
pub use money::{quote_sats, Cents, Sats};
pub use order_id::OrderId;
pub use order_status::OrderStatus;
pub use person_name::PersonName;
pub use phone::PhoneNumber;
pub use verification_code::VerificationCode;

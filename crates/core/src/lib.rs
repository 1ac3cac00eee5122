//! CardCoins domain types. Each type can only be built through a parser that refuses bad input
//! with a reason a person can act on (a catalog message and its values), so the rest of the app
//! never holds an invalid value.

mod destination;
mod error;
mod error_code;
mod flow_step;
mod human_size;
mod image_slot;
mod money;
mod order_id;
mod order_status;
mod person_name;
mod phone;
mod reason;
mod status_words;
mod verification_code;

pub use destination::{
    ApiField, Bolt11Invoice, Destination, DestinationNote, LightningAddress, OnChainAddress,
    OnChainKind, ParsedDestination,
};
pub use error::CoreError;
pub use error_code::{ErrorCode, ErrorKind};
pub use flow_step::FlowStep;
pub use human_size::human_size;
pub use image_slot::ImageSlot;
pub use money::{quote_sats, Cents, Sats};
pub use order_id::OrderId;
pub use order_status::OrderStatus;
pub use person_name::PersonName;
pub use phone::PhoneNumber;
pub use reason::{Reason, ReasonArg};
pub use verification_code::VerificationCode;

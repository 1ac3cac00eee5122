//! A faithful local CardCoins API v2.
//!
//! The real service cannot be reached from development machines or CI, and nobody should practise
//! with a real card. This crate runs the whole API (`/v2`), a real S3 POST Object endpoint
//! (`/s3`, built on `s3s`: SigV4 and every POST policy condition are checked) and a practice
//! reCAPTCHA (`/sandbox/recaptcha/api.js`, standing in for Google's on the app's captcha page;
//! `/sandbox/captcha` is a plain practice page for a browser) on one local port. The desktop app and the tests embed it with
//! [`Sandbox::start`]; the CLI runs it with [`serve_forever`].
//!
//! Beside them, a bitcoin chain (`/esplora/api`, an Esplora subset) pays approved on-chain
//! payouts as CardCoins does: a batch, replaced once by a larger batch, then blocks.
//!
//! Deterministic branches ("magic values") are listed in the crate's README.

mod captcha;
mod chain;
mod clock;
mod config;
mod decision;
mod destination;
mod dialect;
mod error;
mod faults;
mod kyc;
mod magic;
mod order;
mod order_id;
mod outbox;
mod persistence;
mod phone;
mod rate_limit;
mod routes;
mod s3;
mod server;
mod state;
mod ticker;
mod uplink;

pub use chain::ChainFault;
pub use clock::{Clock, ManualClock};
pub use config::SandboxConfig;
pub use dialect::{Dialect, UnknownDialect};
pub use error::SandboxError;
pub use faults::Fault;
pub use outbox::{Channel, OutboxMessage};
pub use s3::ExpiryCheck;
pub use server::{serve_forever, Sandbox, SandboxHandle};
pub use uplink::Uplink;

use thiserror::Error;

use crate::{ErrorCode, Reason};

/// Every way input can be refused, each with its reason: a catalog message saying what is wrong
/// and what to do about it. `Display` is that message in English.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CoreError {
    #[error("{0}")]
    InvalidAmount(Reason),
    #[error("{0}")]
    InvalidOrderId(Reason),
    #[error("{0}")]
    InvalidPhone(Reason),
    #[error("{0}")]
    InvalidDestination(Reason),
    #[error("{0}")]
    UnknownImageSlot(Reason),
    /// A bech32/bech32m or base58 checksum failed: almost always one mistyped character.
    #[error("{0}")]
    BadChecksum(Reason),
    /// A well-formed address or invoice for testnet, signet or regtest.
    #[error("{0}")]
    WrongNetwork(Reason),
    /// A BOLT11 invoice that names an amount; the API takes only zero-amount invoices.
    #[error("{0}")]
    InvoiceHasAmount(Reason),
    /// A BOLT11 invoice past its expiry time.
    #[error("{0}")]
    InvoiceExpired(Reason),
    /// One name without the other, or text no name looks like.
    #[error("{0}")]
    InvalidName(Reason),
    /// Text that cannot be a verification code.
    #[error("{0}")]
    InvalidCode(Reason),
}

impl CoreError {
    /// A stable machine-readable code, for the UI and the CLI to branch on.
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::InvalidAmount(_) => ErrorCode::InvalidAmount,
            CoreError::InvalidOrderId(_) => ErrorCode::InvalidOrderId,
            CoreError::InvalidPhone(_) => ErrorCode::InvalidPhone,
            CoreError::InvalidDestination(_) => ErrorCode::InvalidDestination,
            CoreError::UnknownImageSlot(_) => ErrorCode::UnknownImageSlot,
            CoreError::BadChecksum(_) => ErrorCode::BadChecksum,
            CoreError::WrongNetwork(_) => ErrorCode::TestnetAddress,
            CoreError::InvoiceHasAmount(_) => ErrorCode::InvoiceHasAmount,
            CoreError::InvoiceExpired(_) => ErrorCode::InvoiceExpired,
            CoreError::InvalidName(_) => ErrorCode::InvalidName,
            CoreError::InvalidCode(_) => ErrorCode::InvalidCode,
        }
    }

    /// What exactly is wrong, for the UI to word in the seller's language.
    pub fn reason(&self) -> &Reason {
        match self {
            CoreError::InvalidAmount(reason)
            | CoreError::InvalidOrderId(reason)
            | CoreError::InvalidPhone(reason)
            | CoreError::InvalidDestination(reason)
            | CoreError::UnknownImageSlot(reason)
            | CoreError::BadChecksum(reason)
            | CoreError::WrongNetwork(reason)
            | CoreError::InvoiceHasAmount(reason)
            | CoreError::InvoiceExpired(reason)
            | CoreError::InvalidName(reason)
            | CoreError::InvalidCode(reason) => reason,
        }
    }
}

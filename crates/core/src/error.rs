use thiserror::Error;

use crate::ErrorCode;

/// Every way input can be refused. `Display` is the message shown to the seller: it says what is
/// wrong and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CoreError {
    #[error("{0}")]
    InvalidAmount(String),
    #[error("{0}")]
    InvalidOrderId(String),
    #[error("{0}")]
    InvalidPhone(String),
    #[error("{0}")]
    InvalidDestination(String),
    #[error("{0}")]
    UnknownImageSlot(String),
    /// A bech32/bech32m or base58 checksum failed: almost always one mistyped character.
    #[error("{0}")]
    BadChecksum(String),
    /// A well-formed address or invoice for testnet, signet or regtest.
    #[error("{0}")]
    WrongNetwork(String),
    /// A BOLT11 invoice that names an amount; the API takes only zero-amount invoices.
    #[error("{0}")]
    InvoiceHasAmount(String),
    /// A BOLT11 invoice past its expiry time.
    #[error("{0}")]
    InvoiceExpired(String),
    /// One name without the other, or text no name looks like.
    #[error("{0}")]
    InvalidName(String),
    /// Text that cannot be a verification code.
    #[error("{0}")]
    InvalidCode(String),
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
}

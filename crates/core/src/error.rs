use thiserror::Error;

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
}

impl CoreError {
    /// A stable machine-readable code, for the UI and the CLI to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::InvalidAmount(_) => "invalid_amount",
            CoreError::InvalidOrderId(_) => "invalid_order_id",
            CoreError::InvalidPhone(_) => "invalid_phone",
            CoreError::InvalidDestination(_) => "invalid_destination",
            CoreError::UnknownImageSlot(_) => "unknown_image_slot",
            CoreError::BadChecksum(_) => "bad_checksum",
            CoreError::WrongNetwork(_) => "testnet_address",
            CoreError::InvoiceHasAmount(_) => "invoice_has_amount",
            CoreError::InvoiceExpired(_) => "invoice_expired",
        }
    }
}

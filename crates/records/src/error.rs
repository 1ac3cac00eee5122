use cardcoins_core::ErrorCode;
use thiserror::Error;

/// Why an export or a bundle could not be written, or a label file read. No message quotes a
/// value from the records: a value may be an order ID.
#[derive(Debug, Error)]
pub enum RecordsError {
    #[error("could not write the export: {0}")]
    Write(#[from] std::io::Error),
    #[error("could not write the CSV: {0}")]
    Csv(String),
    #[error("could not write JSON: {0}")]
    Json(String),
    #[error("line {line} is not a BIP-329 label: {reason}")]
    NotBip329 { line: usize, reason: String },
}

impl RecordsError {
    pub fn code(&self) -> ErrorCode {
        match self {
            RecordsError::NotBip329 { .. } => ErrorCode::RefusedInput,
            _ => ErrorCode::Io,
        }
    }
}

impl From<csv::Error> for RecordsError {
    fn from(error: csv::Error) -> RecordsError {
        match error.into_kind() {
            csv::ErrorKind::Io(error) => RecordsError::Write(error),
            // The other kinds describe records this crate built, never read input.
            other => RecordsError::Csv(format!("{other:?}")),
        }
    }
}

impl From<serde_json::Error> for RecordsError {
    fn from(error: serde_json::Error) -> RecordsError {
        match error.io_error_kind() {
            Some(kind) => RecordsError::Write(std::io::Error::from(kind)),
            None => RecordsError::Json(format!("{:?} error", error.classify())),
        }
    }
}

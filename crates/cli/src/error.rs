use cardcoins_api::ApiError;
use cardcoins_core::{CoreError, ErrorCode, ErrorKind};
use cardcoins_photos::PhotoError;
use cardcoins_sandbox::SandboxError;
use thiserror::Error;

/// Every way a command can fail after its arguments were understood. All exit with code 1.
#[derive(Debug, Error)]
pub enum CliError {
    /// CardCoins, the image store or the network refused or failed.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// An argument's value was refused (amount, order ID, phone, destination, slot).
    #[error(transparent)]
    Input(#[from] CoreError),
    /// A line of standard input was refused; named by its number, never by its text.
    #[error("line {line} of standard input: {error}")]
    InputLine { line: usize, error: CoreError },
    /// An argument combination or value the domain types do not cover.
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Photo(#[from] PhotoError),
    /// A photo this connection cannot deliver within its upload permission, even at its smallest.
    #[error("{0}")]
    TooSlowForLink(String),
    #[error(transparent)]
    Sandbox(#[from] SandboxError),
    /// A watch-only key was refused, or an address could not be derived from it.
    #[error(transparent)]
    Wallet(#[from] cardcoins_wallet::WalletError),
    /// The app's data folder or the system keyring failed.
    #[error(transparent)]
    Vault(#[from] cardcoins_vault::VaultError),
    /// Reading standard input or writing a file failed.
    #[error("{what}: {reason}")]
    Io { what: String, reason: String },
    #[error("Could not start the async runtime: {0}")]
    Runtime(String),
}

impl CliError {
    /// The code scripts branch on (`--json` prints it): the same vocabulary as the app's.
    pub fn code(&self) -> ErrorCode {
        match self {
            CliError::Api(error) => error.code(),
            CliError::Input(error) | CliError::InputLine { error, .. } => error.code(),
            CliError::Refused(_) => ErrorCode::RefusedInput,
            CliError::Photo(error) => error.error_code(),
            CliError::TooSlowForLink(_) => ErrorCode::UploadTooSlow,
            CliError::Sandbox(_) => ErrorCode::Sandbox,
            CliError::Wallet(
                cardcoins_wallet::WalletError::PrivateKey
                | cardcoins_wallet::WalletError::SeedWords,
            ) => ErrorCode::WalletPrivateKey,
            CliError::Wallet(_) => ErrorCode::InvalidWallet,
            CliError::Vault(cardcoins_vault::VaultError::WalletKeyMissing) => {
                ErrorCode::WalletNotSet
            }
            CliError::Vault(_) => ErrorCode::VaultUnavailable,
            CliError::Io { .. } => ErrorCode::Io,
            CliError::Runtime(_) => ErrorCode::Internal,
        }
    }

    /// Whether running the command again can help (`--json` prints it).
    pub fn kind(&self) -> ErrorKind {
        match self {
            CliError::Api(error) => error.kind(),
            _ => ErrorKind::Permanent,
        }
    }

    pub fn io(what: impl Into<String>, error: std::io::Error) -> CliError {
        CliError::Io {
            what: what.into(),
            reason: error.to_string(),
        }
    }
}

use clap::{Args, Parser, Subcommand};

use cardcoins_api::{ApiClient, DEFAULT_BASE_URL};

use crate::error::CliError;

const AFTER_HELP: &str = "\
An order ID is a secret: anyone who has it can complete the order. Give it as an argument, or
as - to read it from standard input (keeps it out of the shell history and process list).
Output is for people unless --json is given; messages and errors go to standard error.

Exit codes:
  0  success
  1  refused input, or an error from CardCoins or the image store (the message is on stderr;
     with --json, {\"error\":{\"code\",\"message\"}} on stderr)
  2  usage error (unknown command or option, missing argument)";

/// The CardCoins API from the command line: sell a prepaid Visa/Mastercard gift card for bitcoin,
/// one step per command.
#[derive(Debug, Parser)]
#[command(name = "cardcoins", version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The API to talk to; a sandbox's is printed by `cardcoins sandbox serve`.
    #[arg(long, global = true, env = "CARDCOINS_BASE_URL", default_value = DEFAULT_BASE_URL)]
    pub base_url: String,

    /// Send every request through this proxy (socks5h://127.0.0.1:9050 for Tor, or http://...).
    #[arg(long, global = true, env = "CARDCOINS_PROXY")]
    pub proxy: Option<String>,

    /// Print results as JSON on standard output (errors as JSON on standard error).
    #[arg(long, global = true)]
    pub json: bool,

    /// More log output on standard error (-v, -vv). Order IDs are never logged.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

impl GlobalArgs {
    pub fn client(&self) -> Result<ApiClient, CliError> {
        let mut builder = ApiClient::builder().base_url(self.base_url.clone());
        if let Some(proxy) = &self.proxy {
            builder = builder.proxy(proxy.clone());
        }
        Ok(builder.build()?)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the current bitcoin price (fees included).
    Ticker,
    /// Create, show or change an order.
    #[command(subcommand)]
    Order(crate::order::OrderCommand),
    /// Send a confirmation code to the phone, or submit the code received.
    #[command(subcommand)]
    Phone(crate::phone::PhoneCommand),
    /// Submit the payout destination and, when asked, the seller's name.
    Payment(crate::payment::PaymentArgs),
    /// Prepare a photo, or prepare and upload one for an order.
    #[command(subcommand)]
    Photo(crate::photo::PhotoCommand),
    /// Submit the uploaded photos for review.
    Verify(crate::verify::VerifyArgs),
    /// Check a payout destination or phone number without sending anything.
    #[command(subcommand)]
    Validate(crate::validate::ValidateCommand),
    /// Run or inspect the local practice server.
    #[command(subcommand)]
    Sandbox(crate::sandbox::SandboxCommand),
    /// Export orders (IDs on standard input, one a line) as CSV or BIP-329 wallet labels.
    Export(crate::export::ExportArgs),
    /// The seller's watch-only wallet: a fresh payout address for every order.
    #[command(subcommand)]
    Wallet(crate::wallet::WalletCommand),
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn usage_errors_are_reported_by_clap() {
        let error =
            Cli::try_parse_from(["cardcoins", "order", "create"]).expect_err("missing amount");
        assert_eq!(error.exit_code(), 2);
    }
}

//! `cardcoins`: every step of a CardCoins order from the command line, for scripting and support.

mod args;
mod destination_args;
mod error;
mod export;
mod order;
mod order_id_arg;
mod output;
mod payment;
mod phone;
mod photo;
mod sandbox;
mod ticker;
mod validate;
mod verify;
mod wallet;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::error::CliError;
use crate::output::Output;

fn main() -> ExitCode {
    // Usage errors (and --help, --version) leave through clap with exit code 2 (0 for help).
    let cli = Cli::parse();
    init_tracing(cli.global.verbose);
    let output = Output::new(cli.global.json);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            output.error(&CliError::Runtime(error.to_string()));
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(cli, &output)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            output.error(&error);
            ExitCode::from(1)
        }
    }
}

async fn run(cli: Cli, output: &Output) -> Result<(), CliError> {
    let global = &cli.global;
    match cli.command {
        Command::Ticker => ticker::run(global, output).await,
        Command::Order(command) => order::run(global, output, command).await,
        Command::Phone(command) => phone::run(global, output, command).await,
        Command::Payment(args) => payment::run(global, output, args).await,
        Command::Photo(command) => photo::run(global, output, command).await,
        Command::Verify(args) => verify::run(global, output, args).await,
        Command::Validate(command) => validate::run(output, command),
        Command::Sandbox(command) => sandbox::run(global, output, command).await,
        Command::Export(args) => export::run(global, output, args).await,
        Command::Wallet(command) => wallet::run(output, command),
    }
}

/// Logs go to stderr, quiet unless asked. HTTP internals are capped at `info` whatever
/// RUST_LOG says: at debug and trace they print request URLs, and a URL holds the order ID.
fn init_tracing(verbose: u8) {
    let base = std::env::var("RUST_LOG").unwrap_or_else(|_| {
        match verbose {
            0 => "warn",
            1 => "info,cardcoins_api=debug",
            _ => "debug",
        }
        .to_string()
    });
    let filter = format!("{base},reqwest=info,hyper=info,hyper_util=info,h2=info,rustls=info");
    let filter = tracing_subscriber::EnvFilter::try_new(&filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
}

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::Subcommand;
use serde_json::json;

use cardcoins_sandbox::{Dialect, ExpiryCheck, Sandbox, SandboxConfig, Uplink};

use crate::args::GlobalArgs;
use crate::error::CliError;
use crate::order::parse_phone;
use crate::output::Output;

/// A fixed default, so `CARDCOINS_BASE_URL` can stay set between practice sessions.
const DEFAULT_PORT: u16 = 8787;

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Run the practice server on this machine until Ctrl-C. Prints its API address (use it as
    /// --base-url or CARDCOINS_BASE_URL) as the first line of standard output.
    Serve {
        /// The port on 127.0.0.1 to listen on; 0 picks a free one.
        #[arg(long, default_value_t = DEFAULT_PORT)]
        port: u16,
        /// Keep orders and uploaded photos in this folder across restarts.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// How the server shapes what the API reference leaves open (error bodies and wording,
        /// the rate-limit answer, status words, extra order fields). `extended` is the most
        /// helpful; `reference` has only what the reference documents. See docs/api-choices.md,
        /// "Sandbox dialects".
        #[arg(long, value_name = "NAME", default_value = "extended", value_parser = dialect_parser())]
        dialect: Dialect,
        /// Make the practice image store read each photo upload no faster than this, as over a
        /// slow connection: a number then kbit or mbit, in decimal units (1mbit is 1,000,000 bits,
        /// 125,000 bytes, a second), such as 1mbit, 0.25mbit or 256kbit. Without it, uploads go as
        /// fast as they arrive.
        #[arg(long, value_name = "RATE")]
        uplink: Option<Uplink>,
        /// When the practice image store checks that an upload's 15-second permission (its
        /// presigned policy) has not expired. `arrival`, as S3 does: when the request arrives, so
        /// an upload that starts in time is stored however long it takes. `end-of-body`: when the
        /// last byte has arrived, so the whole upload must fit inside the 15 seconds.
        #[arg(long, value_name = "WHEN", default_value = "arrival", value_parser = expiry_check_parser())]
        expiry_check: ExpiryCheck,
    },
    /// Show the confirmation codes the practice server "sent" (oldest first).
    Outbox {
        /// Only the codes sent to this phone number.
        #[arg(long, value_name = "P")]
        phone: Option<String>,
    },
    /// Print a fresh practice captcha token (for `cardcoins phone send --captcha`).
    Captcha,
}

pub async fn run(
    global: &GlobalArgs,
    output: &Output,
    command: SandboxCommand,
) -> Result<(), CliError> {
    match command {
        SandboxCommand::Serve {
            port,
            data,
            dialect,
            uplink,
            expiry_check,
        } => {
            let config = SandboxConfig {
                bind: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
                data_dir: data,
                dialect,
                uplink,
                expiry_check,
                ..SandboxConfig::default()
            };
            serve(output, config).await
        }
        SandboxCommand::Outbox { phone } => {
            let phone = phone.as_deref().map(parse_phone).transpose()?;
            let messages = global.client()?.sandbox_outbox(phone.as_ref()).await?;
            if messages.is_empty() && !output.is_json() {
                output.note("No codes have been sent yet.");
            }
            output.result(&messages, || {
                messages
                    .iter()
                    .map(|message| {
                        format!(
                            "{}  {}  {:<4}  {}",
                            message.sent_at, message.phone, message.channel, message.code
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        SandboxCommand::Captcha => {
            let token = global.client()?.sandbox_captcha_token().await?;
            output.result(&json!({ "token": token }), || token.clone());
            Ok(())
        }
    }
}

/// The names of `Dialect::ALL`, so `--help` and the refusal of an unknown name list them all.
fn dialect_parser() -> impl TypedValueParser<Value = Dialect> {
    PossibleValuesParser::new(Dialect::ALL.map(Dialect::as_str))
        .try_map(|name| name.parse::<Dialect>())
}

/// The names of `ExpiryCheck::ALL`, listed by `--help` and by the refusal of another.
fn expiry_check_parser() -> impl TypedValueParser<Value = ExpiryCheck> {
    PossibleValuesParser::new(ExpiryCheck::ALL.map(ExpiryCheck::as_str))
        .try_map(|name| name.parse::<ExpiryCheck>())
}

async fn serve(output: &Output, config: SandboxConfig) -> Result<(), CliError> {
    let (dialect, uplink, expiry_check) = (config.dialect, config.uplink, config.expiry_check);
    let handle = Sandbox::start(config).await?;
    let api = handle.api_base_url();
    output.result(
        &json!({
            "api": api.as_str(),
            "captcha_page": handle.captcha_page_url().as_str(),
            "dialect": dialect,
            "uplink": uplink,
            "expiry_check": expiry_check,
        }),
        || api.to_string(),
    );
    if !output.is_json() {
        let store = match uplink {
            Some(uplink) => format!("photo uploads read at {uplink}, "),
            None => String::new(),
        };
        output.note(format!(
            "Practice server running ({dialect} dialect; {store}upload permission checked at {expiry_check}). Use it with:\n  export CARDCOINS_BASE_URL={api}\nCaptcha page: {}\nCtrl-C stops it.",
            handle.captcha_page_url()
        ));
    }
    let stopped = wait_for_stop_signal().await;
    handle.shutdown().await;
    stopped.map_err(|error| CliError::io("Could not listen for Ctrl-C", error))
}

/// Ctrl-C, or SIGTERM from a service manager or a test harness: both stop cleanly, so saved
/// state is written.
async fn wait_for_stop_signal() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        tokio::select! {
            result = tokio::signal::ctrl_c() => result,
            _ = terminate.recv() => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await
    }
}

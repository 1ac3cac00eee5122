use clap::{Args, Subcommand};

use cardcoins_api::CodeChannel;

use crate::args::GlobalArgs;
use crate::error::CliError;
use crate::order::parse_phone;
use crate::order_id_arg::read_order_id;
use crate::output::Output;

#[derive(Debug, Subcommand)]
pub enum PhoneCommand {
    /// Send a confirmation code by SMS (or by phone call with --call). Sends a real message:
    /// never repeated automatically.
    Send(SendArgs),
    /// Submit the confirmation code that was received.
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The order ID, or - to read it from standard input.
    id: String,
    /// The phone number to send the code to.
    #[arg(long, value_name = "P")]
    phone: String,
    /// A fresh captcha token (for the sandbox: `cardcoins sandbox captcha`).
    #[arg(long, value_name = "TOKEN")]
    captcha: String,
    /// Deliver the code by an automated phone call instead of SMS.
    #[arg(long)]
    call: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The order ID, or - to read it from standard input.
    id: String,
    /// The phone number the code was sent to.
    #[arg(long, value_name = "P")]
    phone: String,
    /// The code received.
    #[arg(long, value_name = "C")]
    code: String,
    /// A captcha token; the server asks for one after several wrong codes.
    #[arg(long, value_name = "TOKEN")]
    captcha: Option<String>,
}

pub async fn run(
    global: &GlobalArgs,
    output: &Output,
    command: PhoneCommand,
) -> Result<(), CliError> {
    match command {
        PhoneCommand::Send(args) => {
            let order = read_order_id(&args.id)?;
            let phone = parse_phone(&args.phone)?;
            if args.captcha.trim().is_empty() {
                return Err(CliError::Refused(
                    "--captcha is empty: pass a fresh captcha token".to_string(),
                ));
            }
            let channel = if args.call {
                CodeChannel::Call
            } else {
                CodeChannel::Sms
            };
            let ack = global
                .client()?
                .send_phone_code(&order, &phone, args.captcha.trim(), channel)
                .await?;
            output.result(&ack, || or_default(&ack.message, "Verification code sent."));
            Ok(())
        }
        PhoneCommand::Verify(args) => {
            let order = read_order_id(&args.id)?;
            let phone = parse_phone(&args.phone)?;
            let code = args.code.trim();
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(CliError::Refused(
                    "--code must be the code received, letters and digits only".to_string(),
                ));
            }
            let ack = global
                .client()?
                .submit_phone_code(&order, &phone, code, args.captcha.as_deref().map(str::trim))
                .await?;
            output.result(&ack, || or_default(&ack.message, "Phone verified."));
            Ok(())
        }
    }
}

pub fn or_default(message: &str, fallback: &str) -> String {
    if message.trim().is_empty() {
        fallback.to_string()
    } else {
        message.to_string()
    }
}

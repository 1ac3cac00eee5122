use clap::{Args, Subcommand};

use cardcoins_api::{CaptchaSetup, CodeChannel};
use cardcoins_core::VerificationCode;

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
    /// A fresh captcha token: `cardcoins sandbox captcha` against a sandbox; against CardCoins,
    /// the reCAPTCHA answer solved on the hostname registered for your app.
    #[arg(long, value_name = "TOKEN")]
    captcha: Option<String>,
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
            let Some(captcha) = args
                .captcha
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
            else {
                return Err(CliError::Refused(how_to_get_a_captcha(
                    CaptchaSetup::from_env(),
                )));
            };
            let channel = if args.call {
                CodeChannel::Call
            } else {
                CodeChannel::Sms
            };
            let ack = global
                .client()?
                .ask_for_code(&order, &phone, captcha, channel)
                .await?;
            output.result(&ack, || or_default(&ack.message, "Verification code sent."));
            Ok(())
        }
        PhoneCommand::Verify(args) => {
            let order = read_order_id(&args.id)?;
            let phone = parse_phone(&args.phone)?;
            let code = VerificationCode::parse(&args.code)?;
            let ack = global
                .client()?
                .submit_phone_code(
                    &order,
                    &phone,
                    code.as_str(),
                    args.captcha.as_deref().map(str::trim),
                )
                .await?;
            output.result(&ack, || or_default(&ack.message, "Phone verified."));
            Ok(())
        }
    }
}

/// What to pass as --captcha, with the site key and hostname in use when they are set.
fn how_to_get_a_captcha(
    setup: Result<Option<CaptchaSetup>, cardcoins_api::CaptchaSetupError>,
) -> String {
    let real = match setup {
        Ok(Some(setup)) => format!(
            "solve the reCAPTCHA check with site key {} on https://{} (the hostname registered \
             for this app) and pass the token it gives",
            setup.site_key(),
            setup.hostname()
        ),
        Ok(None) => format!(
            "solve the reCAPTCHA check CardCoins set up for your app, on the hostname registered \
             for it, and pass the token it gives (set {} and {} to the values CardCoins issued \
             to see them here)",
            CaptchaSetup::SITE_KEY_VAR,
            CaptchaSetup::HOSTNAME_VAR
        ),
        Err(error) => format!(
            "solve the reCAPTCHA check on the hostname registered for your app and pass the \
             token it gives ({error})"
        ),
    };
    format!(
        "--captcha is missing: sending a code needs a fresh captcha token (each works once, for \
         about two minutes).\n  With a sandbox: --captcha \"$(cardcoins sandbox captcha)\"\n  \
         With CardCoins: {real}."
    )
}

pub fn or_default(message: &str, fallback: &str) -> String {
    if message.trim().is_empty() {
        fallback.to_string()
    } else {
        message.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_captcha_says_where_to_get_one() {
        let configured = how_to_get_a_captcha(CaptchaSetup::from_values(
            "6LeIxAcTAAAAAJcZVRqyHh4xEkXnAz6-_j3bnmsF",
            "desktop.example.com",
        ));
        assert!(
            configured.contains("cardcoins sandbox captcha"),
            "{configured}"
        );
        assert!(configured.contains("6LeIxAcTAAAAAJcZVRqyHh4xEkXnAz6-_j3bnmsF"));
        assert!(configured.contains("https://desktop.example.com"));

        let unset = how_to_get_a_captcha(Ok(None));
        assert!(unset.contains("cardcoins sandbox captcha"), "{unset}");
        assert!(unset.contains("CARDCOINS_RECAPTCHA_SITE_KEY"), "{unset}");
        assert!(unset.contains("CARDCOINS_CAPTCHA_HOSTNAME"), "{unset}");

        let broken = how_to_get_a_captcha(CaptchaSetup::from_values("key", "https://x.example"));
        assert!(
            broken.contains("CARDCOINS_CAPTCHA_HOSTNAME must be a hostname"),
            "{broken}"
        );
    }
}

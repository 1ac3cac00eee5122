use clap::Args;

use cardcoins_core::Destination;

use crate::error::CliError;
use crate::output::Output;

/// At most one payout destination.
#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct DestinationArgs {
    /// A bitcoin address for an on-chain payout.
    #[arg(long, value_name = "ADDRESS")]
    pub address: Option<String>,
    /// A zero-amount Lightning invoice (BOLT11) with no optional parameters.
    #[arg(long, value_name = "INVOICE")]
    pub invoice: Option<String>,
    /// A Lightning Address (name@domain).
    #[arg(long, value_name = "NAME@DOMAIN")]
    pub lightning_address: Option<String>,
}

impl DestinationArgs {
    /// The destination given, checked; its warnings go to stderr.
    pub fn destination(&self, output: &Output) -> Result<Option<Destination>, CliError> {
        let (flag, value) = match (&self.address, &self.invoice, &self.lightning_address) {
            (Some(value), _, _) => ("--address", value),
            (_, Some(value), _) => ("--invoice", value),
            (_, _, Some(value)) => ("--lightning-address", value),
            _ => return Ok(None),
        };
        let parsed = Destination::parse(value)?;
        let fits = matches!(
            (flag, &parsed.destination),
            ("--address", Destination::OnChain(_))
                | ("--invoice", Destination::Bolt11(_))
                | ("--lightning-address", Destination::LightningAddress(_))
        );
        if !fits {
            let right_flag = match parsed.destination {
                Destination::OnChain(_) => "--address",
                Destination::Bolt11(_) => "--invoice",
                Destination::LightningAddress(_) => "--lightning-address",
            };
            return Err(CliError::Refused(format!(
                "{flag} was given a {}; pass it with {right_flag} instead",
                parsed.destination.kind_label()
            )));
        }
        for note in &parsed.notes {
            output.note(format!("note: {note}"));
        }
        Ok(Some(parsed.destination))
    }
}

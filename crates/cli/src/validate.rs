use clap::Subcommand;
use serde_json::json;

use cardcoins_core::{Destination, PhoneNumber};

use crate::error::CliError;
use crate::output::Output;

#[derive(Debug, Subcommand)]
pub enum ValidateCommand {
    /// Check a bitcoin address, zero-amount Lightning invoice or Lightning Address; prints it
    /// as it would be sent.
    Destination { value: String },
    /// Check a phone number; prints it in E.164.
    Phone {
        value: String,
        /// The country assumed for numbers without a +country code (ISO 3166 alpha-2).
        #[arg(long, default_value = "US")]
        region: String,
    },
}

pub fn run(output: &Output, command: ValidateCommand) -> Result<(), CliError> {
    match command {
        ValidateCommand::Destination { value } => {
            let parsed = Destination::parse(&value)?;
            let destination = &parsed.destination;
            output.result(
                &json!({
                    "value": destination.api_value(),
                    "field": destination.api_field().json_key(),
                    "kind": destination.kind_label(),
                    "notes": parsed.notes.iter().map(ToString::to_string).collect::<Vec<_>>(),
                }),
                || destination.api_value().to_string(),
            );
            if !output.is_json() {
                output.note(destination.kind_label());
                for note in &parsed.notes {
                    output.note(format!("note: {note}"));
                }
            }
            Ok(())
        }
        ValidateCommand::Phone { value, region } => {
            let phone = PhoneNumber::parse(&value, &region)?;
            output.result(&json!({ "value": phone.e164() }), || {
                phone.e164().to_string()
            });
            Ok(())
        }
    }
}

use clap::Args;

use cardcoins_api::{PaymentDetails, PersonName};

use crate::args::GlobalArgs;
use crate::destination_args::DestinationArgs;
use crate::error::CliError;
use crate::order_id_arg::read_order_id;
use crate::output::Output;
use crate::phone::or_default;

#[derive(Debug, Args)]
pub struct PaymentArgs {
    /// The order ID, or - to read it from standard input.
    id: String,
    #[command(flatten)]
    destination: DestinationArgs,
    /// The seller's first name (when the order says a name is required).
    #[arg(long, value_name = "F", requires = "last_name")]
    first_name: Option<String>,
    /// The seller's last name.
    #[arg(long, value_name = "L", requires = "first_name")]
    last_name: Option<String>,
    /// A captcha token; the server asks for one after several failures.
    #[arg(long, value_name = "TOKEN")]
    captcha: Option<String>,
}

pub async fn run(global: &GlobalArgs, output: &Output, args: PaymentArgs) -> Result<(), CliError> {
    let order = read_order_id(&args.id)?;
    let name = PersonName::parse(args.first_name.as_deref(), args.last_name.as_deref())?;
    let details = PaymentDetails {
        destination: args.destination.destination(output)?,
        name,
        captcha_token: args.captcha,
    };
    let ack = global.client()?.submit_payment(&order, &details).await?;
    output.result(&ack, || {
        or_default(&ack.message, "Payment details accepted.")
    });
    Ok(())
}

use clap::Args;

use cardcoins_api::{PaymentDetails, PersonName};
use cardcoins_core::Destination;

use crate::args::GlobalArgs;
use crate::destination_args::DestinationArgs;
use crate::error::CliError;
use crate::order_id_arg::read_order_id;
use crate::output::Output;
use crate::phone::or_default;
use crate::wallet::WalletPlace;

#[derive(Debug, Args)]
pub struct PaymentArgs {
    /// The order ID, or - to read it from standard input.
    id: String,
    #[command(flatten)]
    destination: DestinationArgs,
    /// Pay to the next fresh address of the wallet set with `cardcoins wallet set` (or in the
    /// app). The command line keeps no order list, so that address is never handed out again.
    #[arg(long, conflicts_with_all = ["address", "invoice", "lightning_address"])]
    fresh_address: bool,
    #[command(flatten)]
    wallet: WalletPlace,
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
    let mut fresh = None;
    let destination = if args.fresh_address {
        let vault = args.wallet.open()?;
        let (index, address) = crate::wallet::next_fresh(&vault)?;
        output.note(format!(
            "Paying to address #{index} of your wallet: {address}"
        ));
        fresh = Some((vault, index));
        Some(Destination::parse(&address)?.destination)
    } else {
        args.destination.destination(output)?
    };
    let details = PaymentDetails {
        destination,
        name,
        captcha_token: args.captcha,
    };
    let ack = global.client()?.submit_payment(&order, &details).await?;
    if let Some((mut vault, index)) = fresh {
        crate::wallet::keep_used(&mut vault, index)?;
    }
    output.result(&ack, || {
        or_default(&ack.message, "Payment details accepted.")
    });
    Ok(())
}

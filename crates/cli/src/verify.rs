use clap::Args;

use crate::args::GlobalArgs;
use crate::error::CliError;
use crate::order_id_arg::read_order_id;
use crate::output::Output;
use crate::phone::or_default;

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The order ID, or - to read it from standard input.
    id: String,
}

pub async fn run(global: &GlobalArgs, output: &Output, args: VerifyArgs) -> Result<(), CliError> {
    let order = read_order_id(&args.id)?;
    let ack = global.client()?.submit_for_verification(&order).await?;
    output.result(&ack, || {
        or_default(
            &ack.message,
            "Photos submitted for review; `cardcoins order get` shows the decision.",
        )
    });
    Ok(())
}

use clap::{Args, Subcommand};
use serde_json::json;

use cardcoins_api::{NewOrder, OrderDetails, OrderUpdate, Progress, SubmittedDestination};
use cardcoins_core::{Cents, PhoneNumber};

use crate::args::GlobalArgs;
use crate::destination_args::DestinationArgs;
use crate::error::CliError;
use crate::order_id_arg::read_order_id;
use crate::output::{timestamp, Output};

#[derive(Debug, Subcommand)]
pub enum OrderCommand {
    /// Create an order; prints its ID (keep it secret: it is the only key to the order).
    Create(CreateArgs),
    /// Show an order's status, quote, required photos and feedback.
    Get {
        /// The order ID, or - to read it from standard input.
        id: String,
    },
    /// Change the phone number or payout destination (only before the phone is verified).
    Update(UpdateArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The gift card's value in US cents (5500 for $55.00).
    #[arg(long, value_name = "N")]
    amount_cents: u64,
    /// The seller's phone number (E.164, or a US number).
    #[arg(long, value_name = "P")]
    phone: Option<String>,
    #[command(flatten)]
    destination: DestinationArgs,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The order ID, or - to read it from standard input.
    id: String,
    /// The new phone number.
    #[arg(long, value_name = "P")]
    phone: Option<String>,
    #[command(flatten)]
    destination: DestinationArgs,
}

pub async fn run(
    global: &GlobalArgs,
    output: &Output,
    command: OrderCommand,
) -> Result<(), CliError> {
    match command {
        OrderCommand::Create(args) => create(global, output, args).await,
        OrderCommand::Get { id } => {
            let order = read_order_id(&id)?;
            let details = global.client()?.get_order(&order).await?;
            output.result(&order_json(&details), || describe(&details));
            Ok(())
        }
        OrderCommand::Update(args) => {
            let order = read_order_id(&args.id)?;
            let update = OrderUpdate {
                phone: args.phone.as_deref().map(parse_phone).transpose()?,
                destination: args.destination.destination(output)?,
            };
            if update.is_empty() {
                return Err(CliError::Refused(
                    "nothing to change: give --phone, --address, --invoice or --lightning-address"
                        .to_string(),
                ));
            }
            let ack = global.client()?.update_order(&order, &update).await?;
            output.result(&ack, || {
                format!("Order {order} updated. {}", ack.message)
                    .trim()
                    .to_string()
            });
            Ok(())
        }
    }
}

async fn create(global: &GlobalArgs, output: &Output, args: CreateArgs) -> Result<(), CliError> {
    let mut new_order = NewOrder::new(Cents::order_amount(args.amount_cents)?);
    if let Some(phone) = &args.phone {
        new_order = new_order.with_phone(parse_phone(phone)?);
    }
    if let Some(destination) = args.destination.destination(output)? {
        new_order = new_order.with_destination(destination);
    }
    let order = global.client()?.create_order(&new_order).await?;
    // The one place the full ID is shown: it is what the user asked for, on stdout only.
    output.result(&json!({ "order_id": order.expose_secret() }), || {
        order.expose_secret().to_string()
    });
    if !output.is_json() {
        output.note("Keep this order ID secret: anyone who has it can complete the order.");
    }
    Ok(())
}

pub fn parse_phone(input: &str) -> Result<PhoneNumber, CliError> {
    Ok(PhoneNumber::parse(input, "US")?)
}

/// The order as the server described it, plus what the app makes of it: the photos with the
/// server's descriptions and feedback, every rejection text, and the next step.
fn order_json(details: &OrderDetails) -> serde_json::Value {
    let progress = Progress::unknown();
    let mut value = serde_json::to_value(details).unwrap_or_default();
    if let Some(fields) = value.as_object_mut() {
        fields.insert("status_label".into(), json!(details.status.label()));
        fields.insert(
            "photos".into(),
            serde_json::to_value(details.photos_needed(&progress)).unwrap_or_default(),
        );
        fields.insert(
            "feedback".into(),
            json!(details.all_feedback().collect::<Vec<_>>()),
        );
        fields.insert("next_step".into(), json!(details.resume_step(&progress)));
        fields.insert("final".into(), json!(details.status.is_final()));
        fields.insert("photos_rejected".into(), json!(details.photos_rejected()));
    }
    value
}

fn describe(details: &OrderDetails) -> String {
    let progress = Progress::unknown();
    let mut lines = vec![
        format!(
            "status:      {} ({})",
            details.status.as_str(),
            details.status.label()
        ),
        format!("meaning:     {}", details.status.explanation()),
        format!(
            "next:        {}",
            details.resume_step(&progress).next_action()
        ),
        format!("amount:      {}", details.amount),
        format!(
            "you receive: {} ({})",
            details.sats,
            details.sats.to_btc_string()
        ),
        format!("price:       {} per BTC", details.price_usd),
        format!("created:     {}", timestamp(details.created_at)),
    ];
    if let Some(verified) = details.phone_verified {
        let word = if verified { "verified" } else { "not verified" };
        lines.push(format!("phone:       {word}"));
    }
    if details.name_required == Some(true) {
        lines.push("name:        required at the payment step".to_string());
    }
    if let Some(destination) = &details.destination {
        lines.push(format!("payout to:   {}", destination_text(destination)));
    }
    for photo in details.photos_needed(&progress) {
        let state = match details
            .required_images
            .iter()
            .find(|i| i.slot == photo.slot)
        {
            Some(image) => match image.uploaded {
                Some(true) => " (uploaded)",
                Some(false) => " (missing)",
                None => "",
            },
            None => "",
        };
        lines.push(format!(
            "photo {}: {}{state}",
            photo.slot.as_api_str(),
            photo.description
        ));
        for feedback in &photo.feedback {
            lines.push(format!(
                "feedback on {}: {feedback}",
                photo.slot.as_api_str()
            ));
        }
    }
    for feedback in &details.general_feedback {
        lines.push(format!("feedback:    {feedback}"));
    }
    if let Some(payout) = &details.payout {
        if let Some(sats) = payout.sats {
            lines.push(format!("paid:        {sats}"));
        }
        if let Some(txid) = &payout.txid {
            lines.push(format!("txid:        {txid}"));
        }
        if let Some(hash) = &payout.payment_hash {
            lines.push(format!("payment hash: {hash}"));
        }
        lines.push(format!("sent:        {}", timestamp(payout.sent_at)));
    }
    lines.join("\n")
}

fn destination_text(destination: &SubmittedDestination) -> &str {
    match destination {
        SubmittedDestination::Address(text) | SubmittedDestination::LnInvoice(text) => text,
    }
}

//! Payout destinations, refused the way the real service refuses them (400): bad checksums,
//! testnet addresses, invoices with an amount or already expired, payment links instead of a
//! bare address.

use cardcoins_core::{ApiField, Destination as Parsed};

use crate::error::{ApiError, ErrorKind};
use crate::order::Destination;

/// The destination fields of a create/update/payment body, checked and combined.
pub(crate) fn from_fields(
    address: Option<&str>,
    ln_invoice: Option<&str>,
) -> Result<Option<Destination>, ApiError> {
    match (address, ln_invoice) {
        (Some(_), Some(_)) => Err(ApiError::bad_request(
            "Send either address (on-chain) or ln_invoice (Lightning), not both.",
        )),
        (Some(address), None) => parse(ApiField::Address, address).map(Some),
        (None, Some(invoice)) => parse(ApiField::LnInvoice, invoice).map(Some),
        (None, None) => Ok(None),
    }
    .map_err(|error| error.kind(ErrorKind::InvalidDestination))
}

fn parse(field: ApiField, value: &str) -> Result<Destination, ApiError> {
    let key = field.json_key();
    let trimmed = value.trim();
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("bitcoin:") || lower.starts_with("lightning:") {
        return Err(ApiError::bad_request(format!(
            "{key} must be the bare address or invoice, not a payment link: remove the \"bitcoin:\" or \"lightning:\" part."
        )));
    }
    let parsed = Parsed::parse(trimmed)
        .map_err(|error| ApiError::bad_request(format!("{key} is not accepted: {error}")))?
        .destination;
    if parsed.api_field() != field {
        let (is, belongs) = match parsed.api_field() {
            ApiField::Address => ("a bitcoin address", "address"),
            ApiField::LnInvoice => ("a Lightning invoice or Lightning Address", "ln_invoice"),
        };
        return Err(ApiError::bad_request(format!(
            "{key} holds {is}: send it in {belongs} instead."
        )));
    }
    let value = parsed.api_value().to_string();
    Ok(match field {
        ApiField::Address => Destination::Address(value),
        ApiField::LnInvoice => Destination::LnInvoice(value),
    })
}

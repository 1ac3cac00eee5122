//! Where the bitcoin goes. A mistyped or wrong-network destination loses the seller's money for
//! good, so everything pasted here is parsed fully before the app will send it to the API.

mod bip21;
mod bolt11;
mod lightning_address;
mod note;
mod onchain;

use std::time::SystemTime;

pub use bolt11::Bolt11Invoice;
pub use lightning_address::LightningAddress;
pub use note::DestinationNote;
pub use onchain::{OnChainAddress, OnChainKind};

use crate::{CoreError, Reason};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    OnChain(OnChainAddress),
    Bolt11(Bolt11Invoice),
    LightningAddress(LightningAddress),
}

/// A destination plus what the seller should know about it: parts of a link that were ignored,
/// an invoice that is about to expire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDestination {
    pub destination: Destination,
    pub notes: Vec<DestinationNote>,
}

/// The API request field a destination goes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApiField {
    Address,
    LnInvoice,
}

impl ApiField {
    pub const fn json_key(self) -> &'static str {
        match self {
            ApiField::Address => "address",
            ApiField::LnInvoice => "ln_invoice",
        }
    }
}

impl Destination {
    /// Parses a pasted destination, checking invoice expiry against the system clock.
    pub fn parse(input: &str) -> Result<ParsedDestination, CoreError> {
        Destination::parse_at(input, SystemTime::now())
    }

    /// Parses a pasted destination: a bitcoin address, a `bitcoin:` link, a BOLT11 invoice (with or
    /// without `lightning:`) or a Lightning Address. `now` decides invoice expiry.
    pub fn parse_at(input: &str, now: SystemTime) -> Result<ParsedDestination, CoreError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(CoreError::InvalidDestination(Reason::new(
                "reason-destination-empty",
            )));
        }
        if let Some(uri) = bip21::strip_scheme(trimmed) {
            return bip21::parse(uri, now);
        }
        if let Some(invoice) = bolt11::strip_scheme(trimmed) {
            return into_parsed(Destination::parse_lightning(invoice, now)?);
        }
        if trimmed.contains('@') {
            let address = LightningAddress::parse(trimmed)?;
            return into_parsed((Destination::LightningAddress(address), Vec::new()));
        }
        if bolt11::looks_like_invoice(trimmed) {
            return into_parsed(Destination::parse_lightning(trimmed, now)?);
        }
        let address = OnChainAddress::parse(trimmed)?;
        into_parsed((Destination::OnChain(address), Vec::new()))
    }

    /// A `lightning:` payload is either an invoice or (in LUD-17 style links) a Lightning Address.
    fn parse_lightning(
        value: &str,
        now: SystemTime,
    ) -> Result<(Destination, Vec<DestinationNote>), CoreError> {
        if value
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case("lnurl"))
        {
            return Err(CoreError::InvalidDestination(Reason::new(
                "reason-destination-lnurl",
            )));
        }
        if value.contains('@') {
            return Ok((
                Destination::LightningAddress(LightningAddress::parse(value)?),
                Vec::new(),
            ));
        }
        let (invoice, notes) = Bolt11Invoice::parse_at(value, now)?;
        Ok((Destination::Bolt11(invoice), notes))
    }

    /// Exactly the string that goes to the API, in normalised form.
    pub fn api_value(&self) -> &str {
        match self {
            Destination::OnChain(address) => address.as_str(),
            Destination::Bolt11(invoice) => invoice.as_str(),
            Destination::LightningAddress(address) => address.as_str(),
        }
    }

    /// The API puts Lightning Addresses in `ln_invoice` too ("Lightning Addresses are also
    /// supported").
    pub fn api_field(&self) -> ApiField {
        match self {
            Destination::OnChain(_) => ApiField::Address,
            Destination::Bolt11(_) | Destination::LightningAddress(_) => ApiField::LnInvoice,
        }
    }

    /// What the seller sees this as: "Bitcoin address (Taproot)", "Lightning invoice", ...
    /// The kind as a code the UI words in the seller's language (`p2tr`, `bolt11`, ...).
    pub fn kind_code(&self) -> &'static str {
        match self {
            Destination::OnChain(address) => address.kind().code(),
            Destination::Bolt11(_) => "bolt11",
            Destination::LightningAddress(_) => "lightning_address",
        }
    }

    pub fn kind_label(&self) -> &'static str {
        match self {
            Destination::OnChain(address) => address.kind().label(),
            Destination::Bolt11(_) => "Lightning invoice",
            Destination::LightningAddress(_) => "Lightning Address",
        }
    }
}

fn into_parsed(
    (destination, notes): (Destination, Vec<DestinationNote>),
) -> Result<ParsedDestination, CoreError> {
    Ok(ParsedDestination { destination, notes })
}

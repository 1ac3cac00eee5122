//! BIP-21 `bitcoin:` links. CardCoins decides the amount, so only the address is taken; whatever
//! else the link asks for is named in a note, never silently dropped.

use std::time::SystemTime;

use super::{Destination, DestinationNote, OnChainAddress, ParsedDestination};
use crate::{CoreError, Reason};

const SCHEME: &str = "bitcoin:";

/// The part after `bitcoin:` (any letter case, an optional `//`), or None for other input.
pub(super) fn strip_scheme(input: &str) -> Option<&str> {
    let scheme = input.get(..SCHEME.len())?;
    if !scheme.eq_ignore_ascii_case(SCHEME) {
        return None;
    }
    let rest = &input[SCHEME.len()..];
    Some(rest.strip_prefix("//").unwrap_or(rest))
}

/// Parses what follows `bitcoin:`: an address, then `?key=value&...` parameters.
pub(super) fn parse(uri: &str, now: SystemTime) -> Result<ParsedDestination, CoreError> {
    let (address, query) = match uri.split_once('?') {
        Some((address, query)) => (address.trim(), query),
        None => (uri.trim(), ""),
    };
    let mut notes = Vec::new();
    let mut lightning = None;
    let mut ignored = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decoded(key)?.to_ascii_lowercase();
        let value = decoded(value)?;
        let value = value.as_str();
        match key.as_str() {
            "amount" => notes.push(DestinationNote::AmountIgnored {
                amount: shorten(value),
            }),
            "lightning" => lightning = Some(value.to_string()),
            "label" | "message" => {}
            // BIP-21: a link with a required parameter the reader does not understand must not
            // be used at all.
            required if required.starts_with("req-") => {
                return Err(CoreError::InvalidDestination(
                    Reason::new("reason-link-required-parameter")
                        .with("parameter", shorten(required)),
                ));
            }
            other => ignored.push(shorten(other)),
        }
    }

    if address.is_empty() {
        // A unified link that carries only a Lightning invoice.
        let Some(invoice) = lightning.filter(|v| !v.is_empty()) else {
            return Err(CoreError::InvalidDestination(Reason::new(
                "reason-link-no-address",
            )));
        };
        let (destination, mut invoice_notes) = Destination::parse_lightning(&invoice, now)?;
        notes.append(&mut invoice_notes);
        notes.push(DestinationNote::InvoiceUsedForMissingAddress);
        add_ignored_note(&mut notes, &ignored);
        return Ok(ParsedDestination { destination, notes });
    }

    let address = OnChainAddress::parse(address)?;
    if lightning.is_some() {
        notes.push(DestinationNote::InvoiceIgnored);
    }
    add_ignored_note(&mut notes, &ignored);
    Ok(ParsedDestination {
        destination: Destination::OnChain(address),
        notes,
    })
}

/// A parameter's key or value as the link means it: BIP-21 percent-encodes them (RFC 3986), so
/// "Donation%20for%20x" reads "Donation for x" and "me%40wallet.example" is a Lightning Address.
fn decoded(text: &str) -> Result<String, CoreError> {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| CoreError::InvalidDestination(Reason::new("reason-link-damaged")))
}

fn add_ignored_note(notes: &mut Vec<DestinationNote>, ignored: &[String]) {
    if !ignored.is_empty() {
        notes.push(DestinationNote::OtherIgnored {
            keys: ignored.to_vec(),
        });
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() > MAX {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    } else {
        text.to_string()
    }
}

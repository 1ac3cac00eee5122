//! The orders as BIP-329 wallet labels (JSON Lines), so a wallet shows which coins came from
//! which gift card sale.
//!
//! What is labelled, for each order that did not end without a sale (expired, cancelled, or
//! gone from the server):
//! - the payout address (`addr`), when the destination is an on-chain address;
//! - the payout transaction (`tx`), when the server gave its txid.
//!
//! The `output` type (`txid:vout`) is not written: the server does not say which output pays
//! the seller. Lightning payouts are left out: BIP-329 has no type for an invoice or a payment
//! hash, and wallets ignore types they do not define. Their payment hash is in the CSV export.
//! `origin` is written for an address that came from the seller's wallet set in the app (the
//! descriptor type and key origin, never the key); for an address pasted by hand the app does not
//! know which wallet it belongs to.

use std::io::{BufRead, Write};

use cardcoins_core::{Destination, OrderStatus};
use serde::{Deserialize, Serialize};
use time::macros::format_description;

use crate::error::RecordsError;
use crate::row::{ExportRow, PayoutRef};

/// One line of a BIP-329 file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bip329Label {
    #[serde(rename = "type")]
    pub kind: Bip329Type,
    #[serde(rename = "ref")]
    pub reference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spendable: Option<bool>,
}

/// The record types BIP-329 defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bip329Type {
    Tx,
    Addr,
    Pubkey,
    Input,
    Output,
    Xpub,
}

/// Writes the labels for `rows`, one JSON object per line, each line ending in `\n`. A label
/// reads "CardCoins sale: $100.00 gift card, 2026-12-03"; with `include_order_ids` it ends in
/// ", order <ID>". Orders paying to the same address or in the same transaction share one line,
/// their labels joined with "; ".
pub fn write_bip329<W: Write>(
    rows: &[ExportRow],
    include_order_ids: bool,
    mut writer: W,
) -> Result<(), RecordsError> {
    for label in labels(rows, include_order_ids) {
        serde_json::to_writer(&mut writer, &label)?;
        writer.write_all(b"\n")?;
    }
    writer.flush()?;
    Ok(())
}

/// Reads a BIP-329 file strictly: every non-blank line must be a JSON object with a `type` BIP-329
/// defines and a string `ref`. (An importing wallet skips what it does not know; this is for
/// checking a file.) Keys beyond the spec's are allowed, as the spec's additional fields are.
pub fn read_bip329<R: BufRead>(reader: R) -> Result<Vec<Bip329Label>, RecordsError> {
    let mut labels = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        // serde's messages may quote the line; say what is wrong and where instead.
        let label = serde_json::from_str::<Bip329Label>(&line).map_err(|error| {
            RecordsError::NotBip329 {
                line: index + 1,
                reason: format!(
                    "{:?} error at column {} (each line must be a JSON object with a known \
                     \"type\" and a string \"ref\")",
                    error.classify(),
                    error.column()
                ),
            }
        })?;
        labels.push(label);
    }
    Ok(labels)
}

fn labels(rows: &[ExportRow], include_order_ids: bool) -> Vec<Bip329Label> {
    let mut labels: Vec<Bip329Label> = Vec::new();
    for row in rows.iter().filter(|row| !ended_without_sale(&row.status)) {
        let text = label_text(row, include_order_ids);
        let address = row.destination.as_deref().and_then(on_chain_address);
        let txid = match &row.payout {
            Some(PayoutRef::Txid(txid)) => canonical_txid(txid),
            _ => None,
        };
        let origin = row
            .wallet_address
            .as_ref()
            .and_then(|address| address.origin.clone());
        for (kind, reference) in [(Bip329Type::Addr, address), (Bip329Type::Tx, txid)] {
            let Some(reference) = reference else { continue };
            match labels
                .iter_mut()
                .find(|label| label.kind == kind && label.reference == reference)
            {
                Some(existing) => {
                    let joined = match existing.label.take() {
                        Some(before) => format!("{before}; {text}"),
                        None => text.clone(),
                    };
                    existing.label = Some(joined);
                }
                None => labels.push(Bip329Label {
                    kind,
                    reference,
                    label: Some(text.clone()),
                    origin: (kind == Bip329Type::Addr).then(|| origin.clone()).flatten(),
                    spendable: None,
                }),
            }
        }
    }
    labels
}

/// An order that ended without a sale paid nothing to its address.
fn ended_without_sale(status: &OrderStatus) -> bool {
    matches!(
        status,
        OrderStatus::Expired | OrderStatus::Cancelled | OrderStatus::Gone
    )
}

fn label_text(row: &ExportRow, include_order_ids: bool) -> String {
    let mut text = format!("CardCoins sale: {} gift card", row.card_value);
    let day = format_description!("[year]-[month]-[day]");
    if let Some(date) = row
        .date
        .and_then(|date| date.to_offset(time::UtcOffset::UTC).format(&day).ok())
    {
        text.push_str(", ");
        text.push_str(&date);
    }
    if let (true, Some(id)) = (include_order_ids, &row.order_id) {
        text.push_str(", order ");
        text.push_str(id.expose_secret());
    }
    text
}

/// The address in its canonical form, when the destination is a mainnet on-chain address (a
/// `bitcoin:` link included); `None` for an invoice or a Lightning Address.
fn on_chain_address(destination: &str) -> Option<String> {
    match Destination::parse(destination).ok()?.destination {
        Destination::OnChain(address) => Some(address.as_str().to_string()),
        Destination::Bolt11(_) | Destination::LightningAddress(_) => None,
    }
}

/// A txid as BIP-329 writes it (64 hex digits, lower case); `None` for anything else a server
/// might put in the field.
fn canonical_txid(text: &str) -> Option<String> {
    let text = text.trim();
    (text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| text.to_ascii_lowercase())
}

//! Prices and input checks the UI runs while the seller types: nothing here changes an order.

use cardcoins_core::{Cents, Destination, DestinationNote, ErrorCode, PhoneNumber, Reason};
use serde::Serialize;
use specta::Type;

use crate::error::AppError;
use crate::order_views::{rfc3339, QuoteView};
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TickerView {
    pub price_usd_cents: u64,
    /// RFC 3339, or empty when the server did not say.
    pub last_updated_at: String,
    pub update_frequency_ms: u64,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DestinationView {
    /// `p2pkh`, `p2sh`, `p2wpkh`, `p2wsh`, `p2tr`, `bolt11` or `lightning_address`.
    pub kind: String,
    /// "Bitcoin address (Taproot)", "Lightning invoice", ... in English, for the CLI and logs.
    pub kind_label: String,
    /// Exactly what will be sent to CardCoins.
    pub api_value: String,
    pub is_lightning: bool,
    /// What the seller should know: ignored parts of a link, an invoice about to expire.
    pub notes: Vec<DestinationNoteView>,
}

/// A note on a destination: a code and values for the UI to word, and the English for logs.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DestinationNoteView {
    /// `amount_ignored`, `invoice_used_for_missing_address`, `invoice_ignored`,
    /// `other_ignored` or `invoice_expires_soon`.
    pub code: String,
    /// `amount`, `keys` or `minutes`, as the code takes them.
    pub values: std::collections::BTreeMap<String, String>,
    pub text: String,
}

impl From<&DestinationNote> for DestinationNoteView {
    fn from(note: &DestinationNote) -> DestinationNoteView {
        DestinationNoteView {
            code: note.code().to_string(),
            values: note
                .values()
                .into_iter()
                .map(|(name, value)| (name.to_string(), value))
                .collect(),
            text: note.to_string(),
        }
    }
}

/// Prices are refreshed once a minute unless the server says otherwise.
const DEFAULT_UPDATE_FREQUENCY_MS: u64 = 60_000;

pub async fn get_tickers(state: &AppState) -> Result<TickerView, AppError> {
    let tickers = state.api().get_tickers().await?;
    let bitcoin = tickers.bitcoin().ok_or_else(|| {
        AppError::because(ErrorCode::ServerError, Reason::new("reason-api-no-price"))
    })?;
    Ok(TickerView {
        price_usd_cents: bitcoin.price_usd.get(),
        last_updated_at: tickers.last_updated_at.map(rfc3339).unwrap_or_default(),
        update_frequency_ms: tickers
            .update_frequency_ms
            .unwrap_or(DEFAULT_UPDATE_FREQUENCY_MS),
    })
}

pub fn quote(amount_text: &str, price_usd_cents: u64) -> Result<QuoteView, AppError> {
    let amount = Cents::parse_dollars(amount_text)?;
    Ok(QuoteView::new(amount, Cents::new(price_usd_cents)))
}

pub fn check_destination(input: &str) -> Result<DestinationView, AppError> {
    let parsed = Destination::parse(input)?;
    Ok(DestinationView {
        kind: parsed.destination.kind_code().to_string(),
        kind_label: parsed.destination.kind_label().to_string(),
        api_value: parsed.destination.api_value().to_string(),
        is_lightning: !matches!(parsed.destination, Destination::OnChain(_)),
        notes: parsed.notes.iter().map(DestinationNoteView::from).collect(),
    })
}

/// A phone number checked: the form the API takes, and the one people read.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PhoneView {
    pub e164: String,
    /// "(650) 253-0000" for a number of the chosen country, international otherwise.
    pub display: String,
}

pub fn check_phone(input: &str, region: &str) -> Result<PhoneView, AppError> {
    let phone = PhoneNumber::parse(input, region)?;
    Ok(PhoneView {
        e164: phone.e164().to_string(),
        display: phone.display_for(region),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_typed_amounts_in_integers() {
        let view = quote("$55", 6_585_000).expect("quote");
        assert_eq!(view.amount_cents, 5500);
        assert_eq!(view.sats, 83_523);
        assert_eq!(view.sats_text, "83,523 sats");
        assert_eq!(view.btc_text, "0.00083523 BTC");
        assert_eq!(
            quote("55,5", 1).expect_err("comma").code,
            ErrorCode::InvalidAmount
        );
    }

    #[test]
    fn checks_destinations_and_phones() {
        let view =
            check_destination("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").expect("address");
        assert!(!view.is_lightning);
        assert_eq!(
            check_destination("").expect_err("empty").code,
            ErrorCode::InvalidDestination
        );
        let phone = check_phone("(650) 253-0000", "US").expect("phone");
        assert_eq!(phone.e164, "+16502530000");
        assert_eq!(phone.display, "(650) 253-0000");
        assert_eq!(
            check_phone("12", "US").expect_err("short").code,
            ErrorCode::InvalidPhone
        );
    }
}

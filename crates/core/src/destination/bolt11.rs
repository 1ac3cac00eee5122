//! BOLT11 Lightning invoices: bitcoin mainnet, no amount (the API sets the amount), not expired.

use std::time::{Duration, SystemTime};

use lightning_invoice::{Bolt11ParseError, Bolt11SemanticError, Currency, ParseOrSemanticError};

use super::DestinationNote;
use crate::{CoreError, Sats};

/// Below this much time left the seller is warned: the order may not pay out before it lapses.
const EXPIRY_WARNING: Duration = Duration::from_secs(10 * 60);

const MAKE_NEW: &str = "create a new invoice with no amount";

/// A checked BOLT11 invoice, held in lower case without any `lightning:` prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bolt11Invoice {
    invoice: String,
    expires_at: Option<SystemTime>,
}

impl Bolt11Invoice {
    /// Parses an invoice (no `lightning:` prefix) and checks it against `now`. The notes say what
    /// the seller should know, such as an expiry that is close.
    pub fn parse_at(
        input: &str,
        now: SystemTime,
    ) -> Result<(Bolt11Invoice, Vec<DestinationNote>), CoreError> {
        // Bech32 is case-insensitive; QR codes carry invoices in capitals.
        let invoice_text = input.trim().to_ascii_lowercase();
        // Name another coin's invoice as such, even when it is also damaged.
        if let Some(currency) = currency_prefix(&invoice_text) {
            if !["bc", "tb", "tbs", "bcrt", "sb"].contains(&currency) {
                return Err(not_bitcoin(currency));
            }
        }
        let invoice = invoice_text
            .parse::<lightning_invoice::Bolt11Invoice>()
            .map_err(|e| describe_parse_error(&invoice_text, &e))?;

        if invoice.currency() != Currency::Bitcoin {
            return Err(CoreError::WrongNetwork(format!(
                "this invoice is for a test network, not real bitcoin: {MAKE_NEW} in a Lightning \
                 wallet for real bitcoin (this is a {} invoice; CardCoins pays out on bitcoin \
                 mainnet)",
                currency_name(invoice.currency())
            )));
        }
        if let Some(msat) = invoice.amount_milli_satoshis() {
            return Err(CoreError::InvoiceHasAmount(format!(
                "this invoice asks for {}; create an invoice with no amount (CardCoins sets the \
                 amount from the card's value)",
                msat_text(msat)
            )));
        }

        let mut notes = Vec::new();
        let expires_at = invoice
            .expires_at()
            .and_then(|since_epoch| SystemTime::UNIX_EPOCH.checked_add(since_epoch));
        if let Some(expires_at) = expires_at {
            match expires_at.duration_since(now) {
                Err(past) => {
                    return Err(CoreError::InvoiceExpired(format!(
                        "this invoice expired {} ago: {MAKE_NEW}",
                        duration_text(past.duration())
                    )));
                }
                Ok(left) if left < EXPIRY_WARNING => {
                    notes.push(DestinationNote::InvoiceExpiresSoon { left })
                }
                Ok(_) => {}
            }
        }
        Ok((
            Bolt11Invoice {
                invoice: invoice_text,
                expires_at,
            },
            notes,
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.invoice
    }

    /// When the invoice lapses; None only for an expiry too far out to represent.
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.expires_at
    }
}

/// Removes a `lightning:` (or `lightning://`) prefix in any letter case.
pub(super) fn strip_scheme(input: &str) -> Option<&str> {
    let scheme = input.get(..10)?;
    if !scheme.eq_ignore_ascii_case("lightning:") {
        return None;
    }
    let rest = &input[10..];
    Some(rest.strip_prefix("//").unwrap_or(rest).trim())
}

/// "ln" then a currency: lnbc, lntb, lntbs, lnbcrt, lnsb, and other coins' invoices (which
/// are then refused with a reason). Case-consistent, so a base58 address is never taken for one.
pub(super) fn looks_like_invoice(input: &str) -> bool {
    let lower = input.to_ascii_lowercase();
    lower.starts_with("lnbc")
        || lower.starts_with("lntb")
        || lower.starts_with("lnsb")
        || ((input.starts_with("ln") || input.starts_with("LN")) && input.contains('1'))
}

/// The currency in an invoice's prefix: "bc" in "lnbc2500u1…", "tbs" in "lntbs1…".
fn currency_prefix(invoice: &str) -> Option<&str> {
    let (prefix, _) = invoice.rsplit_once('1')?;
    let after_ln = prefix.strip_prefix("ln")?;
    let end = after_ln
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after_ln.len());
    Some(&after_ln[..end])
}

fn not_bitcoin(currency: &str) -> CoreError {
    let shown: String = currency.chars().take(8).collect();
    CoreError::InvalidDestination(format!(
        "this Lightning invoice is not for bitcoin (its currency is \"{shown}\"): {MAKE_NEW} \
         in a bitcoin Lightning wallet"
    ))
}

fn currency_name(currency: Currency) -> &'static str {
    match currency {
        Currency::Bitcoin => "bitcoin mainnet",
        Currency::BitcoinTestnet => "testnet",
        Currency::Regtest => "regtest",
        Currency::Simnet => "simnet",
        Currency::Signet => "signet",
    }
}

fn describe_parse_error(invoice: &str, error: &ParseOrSemanticError) -> CoreError {
    use Bolt11ParseError as P;
    let copy_again = "copy the invoice again from your wallet, or create a new one";
    let message = match error {
        ParseOrSemanticError::ParseError(P::Bech32Error(inner)) => {
            use bitcoin::bech32::primitives::decode::{CheckedHrpstringError, ChecksumError};
            if matches!(
                inner,
                CheckedHrpstringError::Checksum(ChecksumError::InvalidResidue)
            ) {
                return CoreError::BadChecksum(format!(
                    "a character is mistyped or missing: {copy_again} (its checksum does not \
                     match)"
                ));
            }
            format!("this invoice contains characters an invoice cannot have: {copy_again}")
        }
        ParseOrSemanticError::ParseError(P::UnknownCurrency) => {
            return not_bitcoin(currency_prefix(invoice).unwrap_or_default());
        }
        ParseOrSemanticError::ParseError(P::TooShortDataPart) => {
            format!("this invoice is too short, so part of it is missing: {copy_again}")
        }
        ParseOrSemanticError::SemanticError(Bolt11SemanticError::InvalidSignature)
        | ParseOrSemanticError::ParseError(P::MalformedSignature(_)) => format!(
            "this invoice's signature does not match its contents, so it was changed after it \
             was made: {copy_again}"
        ),
        ParseOrSemanticError::SemanticError(_) => format!(
            "this invoice breaks the Lightning invoice rules (BOLT11), so wallets cannot pay it: \
             {copy_again}"
        ),
        ParseOrSemanticError::ParseError(_) => {
            format!("this is not a valid Lightning invoice: {copy_again}")
        }
    };
    CoreError::InvalidDestination(message)
}

fn msat_text(msat: u64) -> String {
    let sats = Sats::new(msat / 1000).to_string();
    match msat % 1000 {
        0 => sats,
        rest => {
            let fraction = format!("{rest:03}");
            sats.replacen(
                " sats",
                &format!(".{} sats", fraction.trim_end_matches('0')),
                1,
            )
        }
    }
}

pub(super) fn duration_text(duration: Duration) -> String {
    let secs = duration.as_secs();
    let (value, unit) = match secs {
        0..=59 => (secs, "second"),
        60..=7199 => (secs / 60, "minute"),
        7200..=172_799 => (secs / 3600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    if value == 1 {
        format!("1 {unit}")
    } else {
        format!("{value} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_people_write_them() {
        assert_eq!(msat_text(50_000_000), "50,000 sats");
        assert_eq!(msat_text(1_500), "1.5 sats");
        assert_eq!(msat_text(1), "0.001 sats");
    }

    #[test]
    fn durations_read_like_people_say_them() {
        assert_eq!(duration_text(Duration::from_secs(1)), "1 second");
        assert_eq!(duration_text(Duration::from_secs(59)), "59 seconds");
        assert_eq!(duration_text(Duration::from_secs(4 * 60 + 30)), "4 minutes");
        assert_eq!(duration_text(Duration::from_secs(3 * 3600)), "3 hours");
        assert_eq!(duration_text(Duration::from_secs(5 * 86_400)), "5 days");
    }

    #[test]
    fn lightning_scheme_in_any_case() {
        assert_eq!(strip_scheme("lightning:lnbc1x"), Some("lnbc1x"));
        assert_eq!(strip_scheme("LIGHTNING:LNBC1X"), Some("LNBC1X"));
        assert_eq!(strip_scheme("Lightning://lnbc1x"), Some("lnbc1x"));
        assert_eq!(strip_scheme("lnbc1x"), None);
        assert_eq!(strip_scheme("lightnin"), None);
        assert_eq!(strip_scheme("ééééééééééé"), None);
    }
}

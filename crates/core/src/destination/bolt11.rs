//! BOLT11 Lightning invoices: bitcoin mainnet, no amount (the API sets the amount), not expired.

use std::time::{Duration, SystemTime};

use lightning_invoice::{Bolt11ParseError, Bolt11SemanticError, Currency, ParseOrSemanticError};

use super::DestinationNote;
use crate::{CoreError, Reason, ReasonArg};

/// Below this much time left the seller is warned: the order may not pay out before it lapses.
const EXPIRY_WARNING: Duration = Duration::from_secs(10 * 60);

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
            return Err(CoreError::WrongNetwork(
                Reason::new("reason-invoice-test-network")
                    .with("network", currency_name(invoice.currency())),
            ));
        }
        if let Some(msat) = invoice.amount_milli_satoshis() {
            return Err(CoreError::InvoiceHasAmount(
                Reason::new("reason-invoice-has-amount").with("amount", ReasonArg::Millisats(msat)),
            ));
        }

        let mut notes = Vec::new();
        let expires_at = invoice
            .expires_at()
            .and_then(|since_epoch| SystemTime::UNIX_EPOCH.checked_add(since_epoch));
        if let Some(expires_at) = expires_at {
            match expires_at.duration_since(now) {
                Err(past) => {
                    return Err(CoreError::InvoiceExpired(expired(past.duration())));
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
    CoreError::InvalidDestination(Reason::new("reason-invoice-other-coin").with("currency", shown))
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
    let id = match error {
        ParseOrSemanticError::ParseError(P::Bech32Error(inner)) => {
            use bitcoin::bech32::primitives::decode::{CheckedHrpstringError, ChecksumError};
            if matches!(
                inner,
                CheckedHrpstringError::Checksum(ChecksumError::InvalidResidue)
            ) {
                return CoreError::BadChecksum(Reason::new("reason-invoice-checksum"));
            }
            "reason-invoice-bad-characters"
        }
        ParseOrSemanticError::ParseError(P::UnknownCurrency) => {
            return not_bitcoin(currency_prefix(invoice).unwrap_or_default());
        }
        ParseOrSemanticError::ParseError(P::TooShortDataPart) => "reason-invoice-too-short",
        ParseOrSemanticError::SemanticError(Bolt11SemanticError::InvalidSignature)
        | ParseOrSemanticError::ParseError(P::MalformedSignature(_)) => "reason-invoice-signature",
        ParseOrSemanticError::SemanticError(_) => "reason-invoice-breaks-rules",
        ParseOrSemanticError::ParseError(_) => "reason-invoice-invalid",
    };
    CoreError::InvalidDestination(Reason::new(id))
}

/// How long ago the invoice expired, in the largest unit that still says it in whole numbers.
fn expired(ago: Duration) -> Reason {
    let secs = ago.as_secs();
    let (count, id) = match secs {
        0..=59 => (secs, "reason-invoice-expired-seconds"),
        60..=7199 => (secs / 60, "reason-invoice-expired-minutes"),
        7200..=172_799 => (secs / 3600, "reason-invoice-expired-hours"),
        _ => (secs / 86_400, "reason-invoice-expired-days"),
    };
    Reason::new(id).with("count", count)
}

/// "4 minutes", for a note on an invoice about to expire.
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
    fn durations_read_like_people_say_them() {
        assert_eq!(duration_text(Duration::from_secs(1)), "1 second");
        assert_eq!(duration_text(Duration::from_secs(59)), "59 seconds");
        assert_eq!(duration_text(Duration::from_secs(4 * 60 + 30)), "4 minutes");
        assert_eq!(duration_text(Duration::from_secs(3 * 3600)), "3 hours");
        assert_eq!(duration_text(Duration::from_secs(5 * 86_400)), "5 days");
    }

    #[test]
    fn expiry_reads_like_people_say_it() {
        for (secs, says) in [
            (1, "expired 1 second ago"),
            (59, "expired 59 seconds ago"),
            (4 * 60 + 30, "expired 4 minutes ago"),
            (3 * 3600, "expired 3 hours ago"),
            (5 * 86_400, "expired 5 days ago"),
        ] {
            let text = expired(Duration::from_secs(secs)).to_string();
            assert!(text.contains(says), "{secs}: {text}");
        }
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

//! Money in the API's smallest units. Floats never touch an amount: a rounding error here is
//! somebody's money.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{CoreError, Reason};

const SATS_PER_BTC: u128 = 100_000_000;

/// US dollars in cents, as the API counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cents(u64);

/// Bitcoin in satoshis, as the API counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sats(u64);

impl Cents {
    pub const fn new(cents: u64) -> Cents {
        Cents(cents)
    }

    pub const fn get(self) -> u64 {
        self.0
    }

    /// Reads a dollar amount a person typed: "55", "55.5", "55.50", "$1,234.56".
    /// Refuses zero, more than two decimals, a comma used as the decimal mark, and anything else.
    pub fn parse_dollars(input: &str) -> Result<Cents, CoreError> {
        let trimmed = input.trim();
        let refuse = |id: &'static str| {
            Err(CoreError::InvalidAmount(
                Reason::new(id).with("input", shorten(trimmed)),
            ))
        };
        if trimmed.is_empty() {
            return Err(CoreError::InvalidAmount(Reason::new("reason-amount-empty")));
        }
        let unsigned = trimmed.strip_prefix('$').unwrap_or(trimmed).trim_start();
        if unsigned.starts_with('-') {
            return refuse("reason-amount-negative");
        }
        let (whole, fraction) = match unsigned.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (unsigned, None),
        };
        let Some(whole_digits) = whole_dollar_digits(whole) else {
            return refuse("reason-amount-not-digits");
        };
        let fraction_cents = match fraction {
            None => 0,
            Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => {
                return refuse("reason-amount-cents-not-digits");
            }
            Some(f) if f.len() > 2 => {
                return refuse("reason-amount-too-many-decimals");
            }
            Some(f) if f.len() == 1 => u64::from(f.as_bytes()[0] - b'0') * 10,
            Some(f) => u64::from(f.as_bytes()[0] - b'0') * 10 + u64::from(f.as_bytes()[1] - b'0'),
        };
        if whole_digits.is_empty() && fraction.is_none() {
            return refuse("reason-amount-no-digits");
        }
        let dollars = if whole_digits.is_empty() {
            Some(0)
        } else {
            whole_digits.parse::<u64>().ok()
        };
        let Some(cents) = dollars
            .and_then(|d| d.checked_mul(100))
            .and_then(|c| c.checked_add(fraction_cents))
        else {
            return refuse("reason-amount-far-too-large");
        };
        if cents == 0 {
            return refuse("reason-amount-typed-zero");
        }
        Cents::order_amount(cents)
    }

    /// The value of a card to sell, in cents: more than zero and at most [`Cents::MAX_ORDER`],
    /// whether typed in dollars (app) or given in cents (CLI).
    pub fn order_amount(cents: u64) -> Result<Cents, CoreError> {
        if cents == 0 {
            return Err(CoreError::InvalidAmount(Reason::new("reason-amount-zero")));
        }
        if cents > Cents::MAX_ORDER.0 {
            return Err(CoreError::InvalidAmount(
                Reason::new("reason-amount-too-large")
                    .with("amount", Cents(cents))
                    .with("max", Cents::MAX_ORDER),
            ));
        }
        Ok(Cents(cents))
    }

    /// No prepaid card holds more; a larger amount is a typing mistake (an extra digit, or
    /// cents typed as dollars). CardCoins' own limits are lower and are its to enforce.
    pub const MAX_ORDER: Cents = Cents(10_000_000);
}

/// The whole-dollar part with any thousands separators removed, or None when it is not digits in
/// valid groups. "1,23" is refused rather than guessed at: in many countries it means 1.23.
fn whole_dollar_digits(whole: &str) -> Option<String> {
    if !whole.contains(',') {
        return whole
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| whole.to_string());
    }
    let mut groups = whole.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    Some(digits)
}

fn shorten(input: &str) -> String {
    const MAX: usize = 40;
    if input.chars().count() > MAX {
        let head: String = input.chars().take(MAX).collect();
        format!("{head}…")
    } else {
        input.to_string()
    }
}

impl Sats {
    pub const fn new(sats: u64) -> Sats {
        Sats(sats)
    }

    pub const fn get(self) -> u64 {
        self.0
    }

    /// "0.00083523 BTC": always eight decimals, so amounts line up and nothing is hidden.
    pub fn to_btc_string(self) -> String {
        let whole = self.0 / SATS_PER_BTC as u64;
        let fraction = self.0 % SATS_PER_BTC as u64;
        format!("{whole}.{fraction:08} BTC")
    }
}

/// Sats for `amount` at `price_usd` (cents per whole bitcoin), rounded down as the API does.
/// A zero price (never sent by a working server) quotes zero rather than dividing by zero.
pub fn quote_sats(amount: Cents, price_usd: Cents) -> Sats {
    if price_usd.0 == 0 {
        return Sats(0);
    }
    let sats = u128::from(amount.0) * SATS_PER_BTC / u128::from(price_usd.0);
    Sats(u64::try_from(sats).unwrap_or(u64::MAX))
}

impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "${}.{:02}", group_thousands(self.0 / 100), self.0 % 100)
    }
}

impl fmt::Display for Sats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} sats", group_thousands(self.0))
    }
}

pub(crate) fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_matches_the_api_reference_example() {
        assert_eq!(
            quote_sats(Cents::new(5500), Cents::new(6_585_000)),
            Sats::new(83_523)
        );
    }

    #[test]
    fn quote_rounds_down_and_survives_extremes() {
        // 1 cent at $100,000.00 is exactly 10 sats; at $100,000.01 it is 9.99… sats.
        assert_eq!(
            quote_sats(Cents::new(1), Cents::new(10_000_000)),
            Sats::new(10)
        );
        assert_eq!(
            quote_sats(Cents::new(1), Cents::new(10_000_001)),
            Sats::new(9)
        );
        assert_eq!(quote_sats(Cents::new(100), Cents::new(0)), Sats::new(0));
        assert_eq!(
            quote_sats(Cents::new(u64::MAX), Cents::new(1)),
            Sats::new(u64::MAX)
        );
    }

    #[test]
    fn displays() {
        assert_eq!(Cents::new(5500).to_string(), "$55.00");
        assert_eq!(Cents::new(123_456).to_string(), "$1,234.56");
        assert_eq!(Cents::new(5).to_string(), "$0.05");
        assert_eq!(Cents::new(100_000_000).to_string(), "$1,000,000.00");
        assert_eq!(Sats::new(83_523).to_string(), "83,523 sats");
        assert_eq!(Sats::new(999).to_string(), "999 sats");
        assert_eq!(Sats::new(0).to_string(), "0 sats");
        assert_eq!(Sats::new(83_523).to_btc_string(), "0.00083523 BTC");
        assert_eq!(
            Sats::new(2_100_000_000_000_000).to_btc_string(),
            "21000000.00000000 BTC"
        );
    }

    #[test]
    fn parses_dollar_amounts() {
        for (input, cents) in [
            ("55", 5500),
            ("55.5", 5550),
            ("55.50", 5550),
            ("$55.05", 5505),
            ("$1,234.56", 123_456),
            ("12,345", 1_234_500),
            ("100,000.00", 10_000_000),
            ("  $ 20  ", 2000),
            (".50", 50),
            ("0.01", 1),
        ] {
            assert_eq!(
                Cents::parse_dollars(input),
                Ok(Cents::new(cents)),
                "{input}"
            );
        }
    }

    #[test]
    fn refuses_bad_amounts_with_a_reason() {
        for (input, says) in [
            ("", "No amount"),
            ("0", "more than zero"),
            ("0.00", "more than zero"),
            ("-5", "negative"),
            ("55.555", "two decimals"),
            ("1,23", "dot before the cents"),
            ("12,34,567", "dot before the cents"),
            ("abc", "digits"),
            ("5e3", "digits"),
            ("$", "digits"),
            ("1.2.3", "cents as digits"),
            ("55.", "cents as digits"),
            ("99999999999999999999", "far more"),
            ("184467440737095516.16", "far more"),
            ("100,000.01", "more than any gift card"),
            ("1,234,567", "more than any gift card"),
        ] {
            let err = Cents::parse_dollars(input).expect_err(input);
            assert_eq!(err.code(), crate::ErrorCode::InvalidAmount);
            assert!(err.to_string().contains(says), "{input}: {err}");
        }
    }

    #[test]
    fn serde_is_a_plain_integer() {
        assert_eq!(serde_json::to_string(&Cents::new(5500)).unwrap(), "5500");
        assert_eq!(
            serde_json::from_str::<Sats>("83523").unwrap(),
            Sats::new(83_523)
        );
    }
}

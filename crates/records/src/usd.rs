//! Dollar arithmetic for the records, in integers only.

use cardcoins_core::{Cents, Sats};

const SATS_PER_BTC: u128 = 100_000_000;

/// What `sats` were worth in US cents at `price` (US cents per whole bitcoin): the seller's cost
/// basis for the bitcoin received.
///
/// `sats × price / 100,000,000`, computed in 128-bit integers and rounded half up to the cent
/// (half a cent and more rounds up, less rounds down), the rounding people expect on a
/// statement. A value past `u64::MAX` cents, which no sale reaches, saturates.
pub fn usd_value_at_receipt(sats: Sats, price: Cents) -> Cents {
    let scaled = u128::from(sats.get()) * u128::from(price.get());
    let cents = (scaled + SATS_PER_BTC / 2) / SATS_PER_BTC;
    Cents::new(u64::try_from(cents).unwrap_or(u64::MAX))
}

/// Dollars as plain decimal text for files other programs read: "1234.56", no "$", no
/// thousands separator, always two decimals.
pub fn dollars(amount: Cents) -> String {
    format!("{}.{:02}", amount.get() / 100, amount.get() % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_at_receipt_rounds_half_up() {
        // 83,523 sats at $65,850.00: 5499.98955 cents.
        assert_eq!(
            usd_value_at_receipt(Sats::new(83_523), Cents::new(6_585_000)),
            Cents::new(5500)
        );
        // 10 sats at $50,000.00 are exactly half a cent: up.
        assert_eq!(
            usd_value_at_receipt(Sats::new(10), Cents::new(5_000_000)),
            Cents::new(1)
        );
        // 10 sats at $49,999.99 are just under half a cent: down.
        assert_eq!(
            usd_value_at_receipt(Sats::new(10), Cents::new(4_999_999)),
            Cents::new(0)
        );
        assert_eq!(
            usd_value_at_receipt(Sats::new(100_000_000), Cents::new(10_000_000)),
            Cents::new(10_000_000)
        );
        assert_eq!(
            usd_value_at_receipt(Sats::new(0), Cents::new(10_000_000)),
            Cents::new(0)
        );
        assert_eq!(
            usd_value_at_receipt(Sats::new(u64::MAX), Cents::new(u64::MAX)),
            Cents::new(u64::MAX)
        );
    }

    #[test]
    fn dollars_are_plain_decimal_text() {
        assert_eq!(dollars(Cents::new(10_000)), "100.00");
        assert_eq!(dollars(Cents::new(123_456_789)), "1234567.89");
        assert_eq!(dollars(Cents::new(5)), "0.05");
        assert_eq!(dollars(Cents::new(0)), "0.00");
    }
}

//! No input makes any parser panic: arbitrary text, and text built from the alphabets and
//! prefixes the parsers look for (so the search reaches deep into each parser).

use std::time::{Duration, SystemTime};

use cardcoins_core::{
    quote_sats, Cents, Destination, ImageSlot, OrderId, OrderStatus, PhoneNumber, Sats,
};
use proptest::prelude::*;

/// Text that looks like what the parsers expect, with damage.
fn near_miss() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec![
        "",
        "bc1q",
        "bc1p",
        "BC1Q",
        "tb1q",
        "bcrt1q",
        "1",
        "3",
        "m",
        "2",
        "lnbc",
        "lnbc2500u1",
        "LNBC",
        "lntb",
        "lnurl1",
        "lightning:",
        "LIGHTNING:lnbc1",
        "bitcoin:",
        "bitcoin:?",
        "bitcoin:bc1q",
        "bitcoin:1",
        "+1",
        "+44 ",
        "tel:+",
        "0x",
        "user@",
        "$",
    ]);
    let body = prop::string::string_regex(
        "[qpzry9x8gf2tvdw0s3jn54khce6mua7l1QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L?&=@.+:/ ()_x-]{0,120}",
    )
    .unwrap();
    (prefix, body).prop_map(|(prefix, body)| format!("{prefix}{body}"))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), near_miss()]
}

fn any_time() -> impl Strategy<Value = SystemTime> {
    any::<u64>().prop_map(|secs| SystemTime::UNIX_EPOCH + Duration::from_secs(secs % (1 << 40)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn destinations(input in any_text(), now in any_time()) {
        if let Ok(parsed) = Destination::parse_at(&input, now) {
            // Whatever is accepted has a value for the API and reads back the same.
            let value = parsed.destination.api_value().to_string();
            prop_assert!(!value.is_empty());
            let again = Destination::parse_at(&value, now);
            prop_assert!(again.is_ok(), "{value}: {again:?}");
        }
    }

    #[test]
    fn phones(input in any_text(), region in "[A-Za-z]{0,3}") {
        if let Ok(number) = PhoneNumber::parse(&input, &region) {
            prop_assert!(number.e164().starts_with('+'));
            prop_assert_eq!(PhoneNumber::parse(number.e164(), "US").ok(), Some(number));
        }
    }

    #[test]
    fn order_ids(input in any_text()) {
        if let Ok(id) = OrderId::parse(&input) {
            prop_assert!(id.redacted().chars().count() <= 4);
            prop_assert_eq!(OrderId::parse(id.expose_secret()).ok(), Some(id));
        }
    }

    #[test]
    fn dollar_amounts(input in prop_oneof![any_text(), "[$ ]{0,2}[0-9,]{0,25}(\\.[0-9]{0,3})?"]) {
        if let Ok(cents) = Cents::parse_dollars(&input) {
            prop_assert!(cents.get() > 0);
            // What is displayed reads back as the same amount.
            prop_assert_eq!(Cents::parse_dollars(&cents.to_string()), Ok(cents));
        }
    }

    #[test]
    fn slots_and_statuses(input in any_text()) {
        let _ = input.parse::<ImageSlot>();
        let status = OrderStatus::parse(&input);
        let _ = status.is_final();
        let json = serde_json::to_string(&input).unwrap();
        let _ = serde_json::from_str::<OrderStatus>(&json);
        let _ = serde_json::from_str::<ImageSlot>(&json);
        let _ = serde_json::from_str::<OrderId>(&json);
        let _ = serde_json::from_str::<PhoneNumber>(&json);
    }

    #[test]
    fn money_math(amount in any::<u64>(), price in any::<u64>(), sats in any::<u64>()) {
        let quoted = quote_sats(Cents::new(amount), Cents::new(price));
        if price > 0 {
            // Rounded down: the quote never exceeds the exact value.
            prop_assert!(u128::from(quoted.get()) * u128::from(price) <= u128::from(amount) * 100_000_000);
        }
        let _ = Cents::new(amount).to_string();
        let _ = Sats::new(sats).to_string();
        let _ = Sats::new(sats).to_btc_string();
    }
}

//! BOLT11 invoices: the spec's vectors, and fresh invoices signed here with a test key (the
//! spec's are long expired) for amounts, networks, expiry and typos.

mod common;

use std::time::Duration;

use cardcoins_core::{ApiField, Destination};
use common::{invoice, now};
use lightning_invoice::Currency;

fn zero_amount() -> String {
    invoice(
        Currency::Bitcoin,
        None,
        Duration::from_secs(60),
        Duration::from_secs(3600),
    )
}

#[test]
fn bolt11_spec_vectors() {
    assert_eq!(
        common::check_destination_table("bolt11_spec.txt", include_str!("vectors/bolt11_spec.txt")),
        26
    );
}

#[test]
fn a_fresh_zero_amount_invoice_is_accepted() {
    let text = zero_amount();
    let parsed = Destination::parse_at(&text, now()).unwrap();
    assert_eq!(parsed.destination.api_value(), text);
    assert_eq!(parsed.destination.api_field(), ApiField::LnInvoice);
    assert_eq!(parsed.destination.api_field().json_key(), "ln_invoice");
    assert_eq!(parsed.destination.kind_label(), "Lightning invoice");
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
}

#[test]
fn any_case_and_the_lightning_prefix_are_accepted() {
    let text = zero_amount();
    let upper = text.to_uppercase();
    let mut mixed: String = text.clone();
    mixed.replace_range(..4, "LnBc");
    for input in [
        format!("lightning:{text}"),
        format!("LIGHTNING:{upper}"),
        format!("Lightning:{text}"),
        format!("lightning://{text}"),
        upper.clone(),
        mixed,
        format!("  \n{text}\t "),
    ] {
        let parsed =
            Destination::parse_at(&input, now()).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(parsed.destination.api_value(), text, "{input}");
    }
}

#[test]
fn an_invoice_with_an_amount_is_refused_with_the_amount() {
    let text = invoice(
        Currency::Bitcoin,
        Some(50_000_000),
        Duration::from_secs(60),
        Duration::from_secs(3600),
    );
    let error = Destination::parse_at(&text, now()).unwrap_err();
    assert_eq!(error.code().as_str(), "invoice_has_amount");
    let message = error.to_string();
    assert!(
        message.starts_with("This invoice asks for 50,000 sats; create an invoice with no amount"),
        "{message}"
    );
}

#[test]
fn an_expired_invoice_is_refused() {
    let text = invoice(
        Currency::Bitcoin,
        None,
        Duration::from_secs(2 * 3600),
        Duration::from_secs(3600),
    );
    let error = Destination::parse_at(&text, now()).unwrap_err();
    assert_eq!(error.code().as_str(), "invoice_expired");
    assert!(
        error
            .to_string()
            .starts_with("This invoice expired 60 minutes ago"),
        "{error}"
    );
    // The same invoice an hour and a half earlier was fine.
    let earlier = now() - Duration::from_secs(90 * 60);
    assert!(Destination::parse_at(&text, earlier).is_ok());
}

#[test]
fn an_invoice_about_to_expire_is_accepted_with_a_warning() {
    let text = invoice(
        Currency::Bitcoin,
        None,
        Duration::from_secs(56 * 60),
        Duration::from_secs(3600),
    );
    let parsed = Destination::parse_at(&text, now()).unwrap();
    assert_eq!(parsed.notes.len(), 1, "{:?}", parsed.notes);
    assert_eq!(parsed.notes[0].code(), "invoice_expires_soon");
    assert_eq!(parsed.notes[0].values(), vec![("minutes", "4".to_string())]);
    assert!(
        parsed.notes[0]
            .to_string()
            .starts_with("this invoice expires in 4 minutes"),
        "{:?}",
        parsed.notes
    );

    // Exactly ten minutes left is not "within" ten minutes.
    let ten_left = invoice(
        Currency::Bitcoin,
        None,
        Duration::from_secs(50 * 60),
        Duration::from_secs(3600),
    );
    assert!(Destination::parse_at(&ten_left, now())
        .unwrap()
        .notes
        .is_empty());
    let nine_left = invoice(
        Currency::Bitcoin,
        None,
        Duration::from_secs(51 * 60),
        Duration::from_secs(3600),
    );
    assert_eq!(
        Destination::parse_at(&nine_left, now())
            .unwrap()
            .notes
            .len(),
        1
    );
}

#[test]
fn invoices_for_other_networks_are_refused_by_name() {
    for (currency, name) in [
        (Currency::BitcoinTestnet, "testnet"),
        (Currency::Signet, "signet"),
        (Currency::Regtest, "regtest"),
        (Currency::Simnet, "simnet"),
    ] {
        let text = invoice(
            currency,
            None,
            Duration::from_secs(60),
            Duration::from_secs(3600),
        );
        let error = Destination::parse_at(&text, now()).unwrap_err();
        assert_eq!(error.code().as_str(), "testnet_address", "{name}");
        // Plain words first, the network's name after.
        assert!(
            error
                .to_string()
                .starts_with("This invoice is for a test network, not real bitcoin"),
            "{error}"
        );
        assert!(
            error.to_string().contains(&format!(
                "this is a {name} invoice; CardCoins pays out on bitcoin mainnet"
            )),
            "{error}"
        );
    }
}

/// Every position, changed to another bech32 character, fails the checksum.
#[test]
fn every_one_character_typo_is_caught() {
    let text = zero_amount();
    let charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let separator = text.rfind('1').unwrap();
    let mut checked = 0;
    for (position, original) in text.char_indices().skip(separator + 1) {
        let replacement = charset.chars().find(|c| *c != original).unwrap();
        let mut typo = text.clone();
        typo.replace_range(position..=position, &replacement.to_string());
        let error = Destination::parse_at(&typo, now()).expect_err(&typo);
        assert_eq!(
            error.code().as_str(),
            "bad_checksum",
            "position {position}: {error}"
        );
        checked += 1;
    }
    assert!(checked > 200);
}

#[test]
fn lnurl_and_other_coins_are_refused_with_a_reason() {
    let cases = [
        (
            "LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS",
            "LNURL",
        ),
        ("lightning:lnurl1dp68gurn8ghj7um9", "LNURL"),
        ("lnltc1pvjluezqqqqq", "not for bitcoin"),
    ];
    for (input, says) in cases {
        let error = Destination::parse_at(input, now()).expect_err(input);
        assert_eq!(error.code().as_str(), "invalid_destination", "{input}");
        assert!(error.to_string().contains(says), "{input}: {error}");
    }
}

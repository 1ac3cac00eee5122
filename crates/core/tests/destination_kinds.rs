//! Lightning Addresses and BIP-21 links.

mod common;

use std::time::{Duration, SystemTime};

use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::{Secp256k1, SecretKey};
use cardcoins_core::{ApiField, Destination, LightningAddress};
use lightning_invoice::{Currency, InvoiceBuilder, PaymentSecret};

fn now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000)
}

fn zero_amount_invoice(amount_msat: Option<u64>) -> String {
    let key = SecretKey::from_slice(&[0x41; 32]).unwrap();
    let created = now().duration_since(SystemTime::UNIX_EPOCH).unwrap() - Duration::from_secs(60);
    let builder = InvoiceBuilder::new(Currency::Bitcoin)
        .description("CardCoins test".into())
        .payment_hash(sha256::Hash::hash(b"payment preimage"))
        .payment_secret(PaymentSecret([0x42; 32]))
        .duration_since_epoch(created)
        .min_final_cltv_expiry_delta(144);
    let builder = match amount_msat {
        Some(msat) => builder.amount_milli_satoshis(msat),
        None => builder,
    };
    builder
        .build_signed(|hash| Secp256k1::new().sign_ecdsa_recoverable(hash, &key))
        .unwrap()
        .to_string()
}

#[test]
fn lightning_address_table() {
    common::check_destination_table(
        "lightning_addresses.txt",
        include_str!("vectors/lightning_addresses.txt"),
    );
}

#[test]
fn a_lightning_address_goes_in_ln_invoice() {
    let parsed = Destination::parse(" satoshi@bitcoin.org ").unwrap();
    assert_eq!(parsed.destination.api_field(), ApiField::LnInvoice);
    assert_eq!(parsed.destination.kind_label(), "Lightning Address");
    let address = LightningAddress::parse("satoshi@bitcoin.org").unwrap();
    assert_eq!(
        address.lnurlp_url(),
        "https://bitcoin.org/.well-known/lnurlp/satoshi"
    );
}

#[test]
fn bip21_table() {
    common::check_destination_table("bip21.txt", include_str!("vectors/bip21.txt"));
}

fn notes(link: &str) -> Vec<String> {
    Destination::parse_at(link, now())
        .unwrap()
        .notes
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn bip21_notes_say_what_was_ignored() {
    let address = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
    assert!(notes(&format!("bitcoin:{address}")).is_empty());
    assert!(notes(&format!("bitcoin:{address}?label=Shop&message=Thanks")).is_empty());
    assert_eq!(
        notes(&format!("bitcoin:{address}?amount=0%2E001")),
        ["the amount in the link (0.001 BTC) was ignored: CardCoins pays out the card's value"],
        "the amount is read percent-decoded"
    );
    assert_eq!(
        notes(&format!("bitcoin:{address}?amount=0.00083523")),
        ["the amount in the link (0.00083523 BTC) was ignored: CardCoins pays out the card's value"]
    );
    assert_eq!(
        notes(&format!("bitcoin:{address}?pj=https://example.com&foo=1")),
        ["other details in the link were ignored (pj, foo)"]
    );
}

#[test]
fn a_unified_link_uses_its_address_and_says_the_invoice_was_ignored() {
    let address = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
    let invoice = zero_amount_invoice(Some(83_523_000));
    let link = format!("bitcoin:{address}?amount=0.00083523&lightning={invoice}");
    let parsed = Destination::parse_at(&link, now()).unwrap();
    assert_eq!(parsed.destination.api_value(), address);
    assert_eq!(parsed.notes.len(), 2, "{:?}", parsed.notes);
    assert_eq!(parsed.notes[1].code(), "invoice_ignored");
    assert!(parsed.notes[1]
        .to_string()
        .contains("Lightning invoice in the link was ignored"));
}

#[test]
fn a_link_with_only_an_invoice_uses_the_invoice() {
    let invoice = zero_amount_invoice(None);
    let link = format!("BITCOIN:?LIGHTNING={}", invoice.to_uppercase());
    let parsed = Destination::parse_at(&link, now()).unwrap();
    assert_eq!(parsed.destination.api_value(), invoice);
    assert_eq!(parsed.destination.kind_label(), "Lightning invoice");
    assert!(
        parsed
            .notes
            .iter()
            .any(|n| n.to_string().contains("no bitcoin address")),
        "{:?}",
        parsed.notes
    );

    // ...and gives it every check a bare invoice gets.
    let with_amount = zero_amount_invoice(Some(50_000_000));
    let error =
        Destination::parse_at(&format!("bitcoin:?lightning={with_amount}"), now()).unwrap_err();
    assert_eq!(error.code().as_str(), "invoice_has_amount");
}

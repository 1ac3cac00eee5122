//! Addresses of every type on every network, built with the bitcoin crate, and every
//! one-character typo of the mainnet ones.

use std::time::SystemTime;

use bitcoin::address::NetworkUnchecked;
use bitcoin::hashes::Hash;
use bitcoin::{
    Address, Network, NetworkKind, PubkeyHash, ScriptHash, WitnessProgram, WitnessVersion,
};
use cardcoins_core::Destination;

const BECH32_CHARSET: &str = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const BASE58_ALPHABET: &str = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// One address of each type CardCoins pays to, with the kind label it must get.
fn every_type(network: Network) -> Vec<(Address, &'static str)> {
    let kind = NetworkKind::from(network);
    vec![
        (
            Address::p2pkh(PubkeyHash::from_byte_array([0x11; 20]), kind),
            "Bitcoin address (legacy)",
        ),
        (
            Address::p2sh_from_hash(ScriptHash::from_byte_array([0x22; 20]), kind),
            "Bitcoin address (P2SH)",
        ),
        (
            Address::from_witness_program(
                WitnessProgram::new(WitnessVersion::V0, &[0x33; 20]).unwrap(),
                network,
            ),
            "Bitcoin address (SegWit)",
        ),
        (
            Address::from_witness_program(
                WitnessProgram::new(WitnessVersion::V0, &[0x44; 32]).unwrap(),
                network,
            ),
            "Bitcoin address (SegWit script)",
        ),
        (
            Address::from_witness_program(
                WitnessProgram::new(WitnessVersion::V1, &[0x55; 32]).unwrap(),
                network,
            ),
            "Bitcoin address (Taproot)",
        ),
    ]
}

fn parse(input: &str) -> Result<cardcoins_core::ParsedDestination, cardcoins_core::CoreError> {
    Destination::parse_at(input, SystemTime::now())
}

#[test]
fn every_mainnet_type_is_accepted_with_its_label() {
    for (address, label) in every_type(Network::Bitcoin) {
        let text = address.to_string();
        let parsed = parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(parsed.destination.kind_label(), label, "{text}");
        assert_eq!(parsed.destination.api_value(), text);
        assert_eq!(parsed.destination.api_field().json_key(), "address");
        assert!(parsed.notes.is_empty());
    }
}

#[test]
fn every_type_on_every_test_network_is_refused_by_name() {
    for (network, named) in [
        (Network::Testnet, "testnet"),
        (Network::Testnet4, "testnet"),
        (Network::Signet, "signet"),
        (Network::Regtest, "regtest"),
    ] {
        for (address, label) in every_type(network) {
            let text = address.to_string();
            let error = parse(&text).expect_err(&text);
            assert_eq!(
                error.code(),
                cardcoins_core::ErrorCode::TestnetAddress,
                "{label} {text}: {error}"
            );
            let message = error.to_string();
            assert!(message.contains(named), "{label} {text}: {message}");
            assert!(
                message.contains("CardCoins pays out on bitcoin mainnet"),
                "{message}"
            );
        }
    }
}

#[test]
fn bcrt_addresses_are_named_regtest_only() {
    let address = Address::from_witness_program(
        WitnessProgram::new(WitnessVersion::V0, &[0x33; 20]).unwrap(),
        Network::Regtest,
    );
    let message = parse(&address.to_string()).unwrap_err().to_string();
    assert!(message.contains("(this is a regtest address;"), "{message}");
}

#[test]
fn another_coins_bech32_address_is_refused() {
    // Litecoin's prefix with a valid checksum: it decodes, but is not bitcoin.
    let hrp = bitcoin::bech32::Hrp::parse("ltc").unwrap();
    let text = bitcoin::bech32::segwit::encode_v0(hrp, &[0x33; 20]).unwrap();
    let error = parse(&text).unwrap_err();
    assert_eq!(error.code(), cardcoins_core::ErrorCode::InvalidDestination);
    assert!(error.to_string().contains("\"ltc1\""), "{error}");
}

/// Every substitution of one character by another from the same alphabet, and every swap of
/// two neighbours, is caught; those that keep the alphabet are caught by the checksum.
#[test]
fn every_one_character_typo_is_caught() {
    let mut checked = 0;
    for (address, _) in every_type(Network::Bitcoin) {
        let text = address.to_string();
        let alphabet = if text.starts_with("bc1") {
            BECH32_CHARSET
        } else {
            BASE58_ALPHABET
        };
        let chars: Vec<char> = text.chars().collect();
        // The bech32 prefix "bc1" is outside the checksum alphabet; typos there are still
        // caught, but not necessarily as a checksum error.
        let first = if text.starts_with("bc1") { 3 } else { 0 };
        for position in first..chars.len() {
            for replacement in alphabet.chars().filter(|c| *c != chars[position]) {
                let mut typo = chars.clone();
                typo[position] = replacement;
                let typo: String = typo.into_iter().collect();
                let error = parse(&typo).expect_err(&typo);
                assert_eq!(
                    error.code(),
                    cardcoins_core::ErrorCode::BadChecksum,
                    "{typo}: {error}"
                );
                checked += 1;
            }
            if position + 1 < chars.len() && chars[position] != chars[position + 1] {
                let mut swapped = chars.clone();
                swapped.swap(position, position + 1);
                let swapped: String = swapped.into_iter().collect();
                assert!(parse(&swapped).is_err(), "{swapped}");
            }
        }
        for position in 0..first {
            for replacement in ['a', 'c', 'v', '2', 'q']
                .into_iter()
                .filter(|c| *c != chars[position])
            {
                let mut typo = chars.clone();
                typo[position] = replacement;
                let typo: String = typo.into_iter().collect();
                assert!(parse(&typo).is_err(), "{typo}");
            }
        }
    }
    assert!(checked > 5_000, "only {checked} typos checked");
}

#[test]
fn dropped_or_doubled_characters_are_caught() {
    for (address, _) in every_type(Network::Bitcoin) {
        let text = address.to_string();
        for position in 0..text.len() {
            let dropped = format!("{}{}", &text[..position], &text[position + 1..]);
            assert!(parse(&dropped).is_err(), "{dropped}");
            let doubled = format!("{}{}", &text[..=position], &text[position..]);
            assert!(parse(&doubled).is_err(), "{doubled}");
        }
    }
}

#[test]
fn generated_addresses_round_trip_through_the_bitcoin_crate() {
    // Guards the generator above: what it makes must be what the bitcoin crate reads back.
    for (address, _) in every_type(Network::Bitcoin) {
        let back: Address<NetworkUnchecked> = address.to_string().parse().unwrap();
        assert_eq!(back.assume_checked(), address);
    }
}

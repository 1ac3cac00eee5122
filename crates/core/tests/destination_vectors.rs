//! The official BIP-173 and BIP-350 vectors and our own address table, read as destinations.

mod common;

use std::time::SystemTime;

use cardcoins_core::Destination;
use common::check_destination_table;

#[test]
fn bip173_vectors() {
    assert_eq!(
        check_destination_table("bip173.txt", include_str!("vectors/bip173.txt")),
        31
    );
}

#[test]
fn bip350_vectors() {
    assert_eq!(
        check_destination_table("bip350.txt", include_str!("vectors/bip350.txt")),
        41
    );
}

#[test]
fn own_address_table() {
    check_destination_table("addresses.txt", include_str!("vectors/addresses.txt"));
}

/// The BIP-173/350 invalid strings whose first character is a space, DEL or a byte above 0x7F
/// (here U+0080, the nearest a Rust string can hold).
#[test]
fn bech32_strings_with_control_characters() {
    for input in [
        "\u{20}1nwldj5",
        "\u{7f}1axkwrx",
        "\u{80}1eym55h",
        "de1lg7wt\u{ff}",
        "\u{20}1xj0phk",
        "\u{7f}1g6xzxy",
        "\u{80}1vctc34",
    ] {
        let error = Destination::parse_at(input, SystemTime::now()).expect_err(input);
        assert_eq!(
            error.code(),
            cardcoins_core::ErrorCode::InvalidDestination,
            "{input:?}: {error}"
        );
    }
}

#[test]
fn surrounding_whitespace_is_trimmed() {
    let parsed =
        Destination::parse("\n\t bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 \r\n").unwrap();
    assert_eq!(
        parsed.destination.api_value(),
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    );
    assert!(parsed.notes.is_empty());
    let error = Destination::parse("   ").unwrap_err();
    assert!(error.to_string().contains("Nothing was pasted"), "{error}");
}

//! On-chain bitcoin addresses: mainnet only, standard output types only.

use bitcoin::address::{AddressType, NetworkUnchecked, ParseError};
use bitcoin::base58;
use bitcoin::bech32::primitives::decode::{
    CharError, CheckedHrpstring, ChecksumError, SegwitHrpstringError, UncheckedHrpstring,
    UncheckedHrpstringError,
};
use bitcoin::bech32::{Bech32, Bech32m};
use bitcoin::{Address, Network};

use crate::{CoreError, Reason, ReasonArg};

/// The output types CardCoins can pay to. Anything else is refused at parse time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OnChainKind {
    P2pkh,
    /// Plain or wrapped SegWit: the address alone cannot tell them apart.
    P2sh,
    P2wpkh,
    P2wsh,
    P2tr,
}

impl OnChainKind {
    pub const fn code(self) -> &'static str {
        match self {
            OnChainKind::P2pkh => "p2pkh",
            OnChainKind::P2sh => "p2sh",
            OnChainKind::P2wpkh => "p2wpkh",
            OnChainKind::P2wsh => "p2wsh",
            OnChainKind::P2tr => "p2tr",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            OnChainKind::P2pkh => "Bitcoin address (legacy)",
            OnChainKind::P2sh => "Bitcoin address (P2SH)",
            OnChainKind::P2wpkh => "Bitcoin address (SegWit)",
            OnChainKind::P2wsh => "Bitcoin address (SegWit script)",
            OnChainKind::P2tr => "Bitcoin address (Taproot)",
        }
    }
}

/// A bitcoin mainnet address, held in its canonical form (bech32 in lower case).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OnChainAddress {
    address: String,
    kind: OnChainKind,
}

impl OnChainAddress {
    pub fn parse(input: &str) -> Result<OnChainAddress, CoreError> {
        let trimmed = input.trim();
        let unchecked = match trimmed.parse::<Address<NetworkUnchecked>>() {
            Ok(unchecked) => unchecked,
            Err(error) => return Err(diagnose(trimmed, &error)),
        };
        if !unchecked.is_valid_for_network(Network::Bitcoin) {
            return Err(wrong_network(&unchecked));
        }
        let address = unchecked.assume_checked();
        let kind = match address.address_type() {
            Some(AddressType::P2pkh) => OnChainKind::P2pkh,
            Some(AddressType::P2sh) => OnChainKind::P2sh,
            Some(AddressType::P2wpkh) => OnChainKind::P2wpkh,
            Some(AddressType::P2wsh) => OnChainKind::P2wsh,
            Some(AddressType::P2tr) => OnChainKind::P2tr,
            Some(AddressType::P2a) => {
                return Err(CoreError::InvalidDestination(Reason::new(
                    "reason-address-anchor",
                )))
            }
            // New output types (segwit v2 and up, or v1 of another length than Taproot's) have
            // no meaning yet: coins sent there may be taken by anyone once they get one.
            Some(_) | None => {
                let version = address
                    .witness_program()
                    .map(|program| program.version().to_num());
                let reason = match version {
                    Some(version) => Reason::new("reason-address-future-segwit")
                        .with("version", ReasonArg::Digits(version.into())),
                    None => Reason::new("reason-address-future-kind"),
                };
                return Err(CoreError::InvalidDestination(reason));
            }
        };
        Ok(OnChainAddress {
            address: address.to_string(),
            kind,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.address
    }

    pub fn kind(&self) -> OnChainKind {
        self.kind
    }
}

fn wrong_network(address: &Address<NetworkUnchecked>) -> CoreError {
    // Legacy test addresses share one prefix for testnet, signet and regtest; bech32 ones share
    // "tb" between testnet and signet. Name every network the address could be for.
    let testnet = address.is_valid_for_network(Network::Testnet);
    let regtest = address.is_valid_for_network(Network::Regtest);
    let network = match (testnet, regtest) {
        (true, true) => "any",
        (true, false) => "testnet",
        (false, true) => "regtest",
        (false, false) => "other",
    };
    CoreError::WrongNetwork(Reason::new("reason-address-test-network").with("network", network))
}

fn refuse(id: &'static str) -> CoreError {
    CoreError::InvalidDestination(Reason::new(id))
}

/// The character that cannot be in a bc1 address as a value, or, for one that cannot be shown
/// (a space, a control character), a message that names it in words.
fn bad_bech32_character(c: char) -> CoreError {
    if c.is_ascii_graphic() {
        CoreError::InvalidDestination(
            Reason::new("reason-address-bech32-character").with("char", c),
        )
    } else {
        refuse("reason-address-bech32-symbol")
    }
}

/// Why an address did not parse, in words a seller can act on. The bitcoin crate falls back to
/// base58 when bech32 decoding fails, which hides bech32 errors, so bech32-shaped input is
/// decoded again here to find what is wrong.
fn diagnose(input: &str, error: &ParseError) -> CoreError {
    match error {
        ParseError::UnknownHrp(_) => {
            let prefix = input.split('1').next().unwrap_or_default().to_lowercase();
            return CoreError::InvalidDestination(
                Reason::new("reason-address-other-coin").with("prefix", shorten(&prefix, 12)),
            );
        }
        ParseError::WitnessVersion(_) | ParseError::WitnessProgram(_) => {
            return refuse("reason-address-wrong-length");
        }
        _ => {}
    }
    if looks_like_bech32(input) {
        return diagnose_bech32(input);
    }
    if input.len() >= 40 && input.starts_with("0x") {
        return refuse("reason-address-ethereum");
    }
    if !looks_like_base58_bitcoin(input) {
        return refuse("reason-destination-unrecognised");
    }
    // Base58 addresses are 25 to 35 characters; beyond that the checksum error says nothing.
    if !(25..=35).contains(&input.chars().count()) {
        return refuse("reason-address-pasted-length");
    }
    match error {
        ParseError::Base58(base58::Error::IncorrectChecksum(_)) => bad_checksum(),
        // Only letters and digits get this far: the character can always be shown.
        ParseError::Base58(base58::Error::Decode(bad)) => CoreError::InvalidDestination(
            Reason::new("reason-address-base58-character")
                .with("char", char::from(bad.invalid_base58_character())),
        ),
        ParseError::InvalidLegacyPrefix(_) => refuse("reason-address-not-bitcoin"),
        _ => refuse("reason-address-length"),
    }
}

fn diagnose_bech32(input: &str) -> CoreError {
    match bitcoin::bech32::segwit::decode(input) {
        // Decodes, yet bitcoin refused it: the only case left is an unknown prefix.
        Ok(_) => refuse("reason-address-unknown-prefix"),
        Err(error) => describe_segwit_error(input, error.0),
    }
}

fn describe_segwit_error(input: &str, error: SegwitHrpstringError) -> CoreError {
    match error {
        SegwitHrpstringError::Checksum(ChecksumError::InvalidResidue) => {
            describe_checksum_mismatch(input)
        }
        SegwitHrpstringError::Unchecked(UncheckedHrpstringError::Char(CharError::MixedCase))
        | SegwitHrpstringError::Unchecked(UncheckedHrpstringError::Hrp(
            bitcoin::bech32::primitives::hrp::Error::MixedCase,
        )) => refuse("reason-address-mixed-case"),
        SegwitHrpstringError::Unchecked(UncheckedHrpstringError::Char(CharError::InvalidChar(
            c,
        ))) => bad_bech32_character(c),
        SegwitHrpstringError::TooLong(_) | SegwitHrpstringError::WitnessLength(_) => {
            refuse("reason-address-bech32-length")
        }
        // The version is read before the checksum: with no checksum holding, it is a typo.
        SegwitHrpstringError::InvalidWitnessVersion(_)
            if CheckedHrpstring::new::<Bech32>(input).is_err()
                && CheckedHrpstring::new::<Bech32m>(input).is_err() =>
        {
            bad_checksum()
        }
        SegwitHrpstringError::InvalidWitnessVersion(_) => refuse("reason-address-segwit-version"),
        _ => refuse("reason-address-damaged"),
    }
}

/// BIP-350: v0 uses the bech32 checksum, v1 and up bech32m. Old software made v1+ addresses
/// with bech32, so when the other variant's checksum holds, nothing was mistyped: say what is
/// really wrong instead.
fn describe_checksum_mismatch(input: &str) -> CoreError {
    let is_v0 = UncheckedHrpstring::new(input).is_ok_and(|unchecked| {
        unchecked
            .data_part_ascii()
            .first()
            .is_some_and(|c| c.eq_ignore_ascii_case(&b'q'))
    });
    let other_variant = if is_v0 {
        CheckedHrpstring::new::<Bech32m>(input)
    } else {
        CheckedHrpstring::new::<Bech32>(input)
    };
    match other_variant.map(CheckedHrpstring::validate_segwit) {
        Ok(Ok(_)) => refuse("reason-address-checksum-variant"),
        Ok(Err(structural)) => describe_segwit_error(input, structural),
        Err(_) => bad_checksum(),
    }
}

fn bad_checksum() -> CoreError {
    CoreError::BadChecksum(Reason::new("reason-address-checksum"))
}

/// A bitcoin bech32 prefix ("bc1", "tb1", "bcrt1") or one with a single letter mistyped.
/// Testnet base58 addresses start with m or n and never match.
fn looks_like_bech32(input: &str) -> bool {
    let Some((prefix, _)) = input.split_once('1') else {
        return false;
    };
    let prefix = prefix.to_ascii_lowercase();
    ["bc", "tb", "bcrt"].iter().any(|known| {
        known.len() == prefix.len()
            && known
                .bytes()
                .zip(prefix.bytes())
                .filter(|(a, b)| a != b)
                .count()
                <= 1
    })
}

/// Letters and digits of about an address's length: worth a specific diagnosis. (A first
/// character other than 1 or 3 may itself be the typo, so it is not required.)
fn looks_like_base58_bitcoin(input: &str) -> bool {
    (20..=60).contains(&input.len()) && input.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn shorten(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

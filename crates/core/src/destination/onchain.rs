//! On-chain bitcoin addresses: mainnet only, standard output types only.

use bitcoin::address::{AddressType, NetworkUnchecked, ParseError};
use bitcoin::base58;
use bitcoin::bech32::primitives::decode::{
    CharError, CheckedHrpstring, ChecksumError, SegwitHrpstringError, UncheckedHrpstring,
    UncheckedHrpstringError,
};
use bitcoin::bech32::{Bech32, Bech32m};
use bitcoin::{Address, Network};

use crate::CoreError;

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
        let kind =
            match address.address_type() {
                Some(AddressType::P2pkh) => OnChainKind::P2pkh,
                Some(AddressType::P2sh) => OnChainKind::P2sh,
                Some(AddressType::P2wpkh) => OnChainKind::P2wpkh,
                Some(AddressType::P2wsh) => OnChainKind::P2wsh,
                Some(AddressType::P2tr) => OnChainKind::P2tr,
                Some(AddressType::P2a) => return Err(CoreError::InvalidDestination(
                    "this is a pay-to-anchor address, which anyone can spend: it is not a wallet \
                     address. Use a receive address from your bitcoin wallet"
                        .into(),
                )),
                // New output types (segwit v2 and up, or v1 of another length than Taproot's) have
                // no meaning yet: coins sent there may be taken by anyone once they get one.
                Some(_) | None => {
                    let version = address
                        .witness_program()
                        .map(|program| program.version().to_num());
                    return Err(CoreError::InvalidDestination(format!(
                        "this address is a SegWit output of a kind no wallet uses yet{}, so money \
                     sent to it could be lost: use a receive address from your bitcoin wallet \
                     (starting with bc1q, bc1p, 1 or 3)",
                        version
                            .map(|v| format!(" (version {v})"))
                            .unwrap_or_default()
                    )));
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
        (true, true) => "test-network (testnet, signet or regtest)",
        (true, false) => "testnet (or signet)",
        (false, true) => "regtest",
        (false, false) => "non-mainnet",
    };
    CoreError::WrongNetwork(format!(
        "this address is for a test network, not real bitcoin. Use a receive address from a \
         wallet for real bitcoin: it starts with bc1, 1 or 3 (this is a {network} address; \
         CardCoins pays out on bitcoin mainnet)"
    ))
}

const COPY_AGAIN: &str = "copy the address again from your wallet";

/// Why an address did not parse, in words a seller can act on. The bitcoin crate falls back to
/// base58 when bech32 decoding fails, which hides bech32 errors, so bech32-shaped input is
/// decoded again here to find what is wrong.
fn diagnose(input: &str, error: &ParseError) -> CoreError {
    match error {
        ParseError::UnknownHrp(_) => {
            let prefix = input.split('1').next().unwrap_or_default().to_lowercase();
            return CoreError::InvalidDestination(format!(
                "this address starts with \"{}1\", so it is not a bitcoin address (it may be for \
                 another coin): use a bitcoin address, which starts with bc1, 1 or 3",
                shorten(&prefix, 12)
            ));
        }
        ParseError::WitnessVersion(_) | ParseError::WitnessProgram(_) => {
            return CoreError::InvalidDestination(format!(
                "this address has the wrong length for its type, so part of it is missing or \
                 extra: {COPY_AGAIN}"
            ));
        }
        _ => {}
    }
    if looks_like_bech32(input) {
        return diagnose_bech32(input);
    }
    if input.len() >= 40 && input.starts_with("0x") {
        return CoreError::InvalidDestination(
            "this looks like an Ethereum address; CardCoins pays out bitcoin only: use a bitcoin \
             address, a Lightning invoice or a Lightning Address"
                .into(),
        );
    }
    if !looks_like_base58_bitcoin(input) {
        return CoreError::InvalidDestination(
            "this is not a bitcoin address, Lightning invoice or Lightning Address: copy it again \
             from your wallet's receive screen"
                .into(),
        );
    }
    // Base58 addresses are 25 to 35 characters; beyond that the checksum error says nothing.
    if !(25..=35).contains(&input.chars().count()) {
        return CoreError::InvalidDestination(format!(
            "this is too short or too long to be a bitcoin address: check that all of it, and \
             nothing else, was pasted, or {COPY_AGAIN}"
        ));
    }
    match error {
        ParseError::Base58(base58::Error::IncorrectChecksum(_)) => bad_checksum(),
        ParseError::Base58(base58::Error::Decode(bad)) => {
            let byte = bad.invalid_base58_character();
            let shown = if byte.is_ascii_graphic() {
                format!("the character '{}'", char::from(byte))
            } else {
                "a space or symbol".to_string()
            };
            CoreError::InvalidDestination(format!(
                "{shown} cannot appear in a bitcoin address (they never contain 0, O, I or l, or \
                 spaces): {COPY_AGAIN}"
            ))
        }
        ParseError::InvalidLegacyPrefix(_) => CoreError::InvalidDestination(
            "this is not a bitcoin address (it may be for another coin): use a bitcoin address, \
             which starts with bc1, 1 or 3"
                .into(),
        ),
        _ => CoreError::InvalidDestination(format!(
            "this address is too short or too long to be a bitcoin address: {COPY_AGAIN}"
        )),
    }
}

fn diagnose_bech32(input: &str) -> CoreError {
    match bitcoin::bech32::segwit::decode(input) {
        // Decodes, yet bitcoin refused it: the only case left is an unknown prefix.
        Ok(_) => {
            CoreError::InvalidDestination(format!("this is not a bitcoin address: {COPY_AGAIN}"))
        }
        Err(error) => describe_segwit_error(input, error.0),
    }
}

fn describe_segwit_error(input: &str, error: SegwitHrpstringError) -> CoreError {
    let message = match error {
        SegwitHrpstringError::Checksum(ChecksumError::InvalidResidue) => {
            return describe_checksum_mismatch(input);
        }
        SegwitHrpstringError::Unchecked(UncheckedHrpstringError::Char(CharError::MixedCase))
        | SegwitHrpstringError::Unchecked(UncheckedHrpstringError::Hrp(
            bitcoin::bech32::primitives::hrp::Error::MixedCase,
        )) => format!(
            "this address mixes capital and small letters, which a bc1 address never does: \
             {COPY_AGAIN}"
        ),
        SegwitHrpstringError::Unchecked(UncheckedHrpstringError::Char(CharError::InvalidChar(
            c,
        ))) => {
            let shown = if c.is_ascii_graphic() {
                format!("the character '{c}'")
            } else {
                "a space or symbol".to_string()
            };
            format!(
                "{shown} cannot appear in a bc1 address (after \"bc1\" they never contain 1, b, i \
                 or o, or spaces): {COPY_AGAIN}"
            )
        }
        SegwitHrpstringError::TooLong(_) | SegwitHrpstringError::WitnessLength(_) => {
            format!("this address is too long or too short for a bitcoin address: {COPY_AGAIN}")
        }
        // The version is read before the checksum: with no checksum holding, it is a typo.
        SegwitHrpstringError::InvalidWitnessVersion(_)
            if CheckedHrpstring::new::<Bech32>(input).is_err()
                && CheckedHrpstring::new::<Bech32m>(input).is_err() =>
        {
            return bad_checksum();
        }
        SegwitHrpstringError::InvalidWitnessVersion(_) => format!(
            "this address has an invalid SegWit version (the character after \"bc1\"): \
             {COPY_AGAIN}"
        ),
        _ => format!("this address is incomplete or damaged: {COPY_AGAIN}"),
    };
    CoreError::InvalidDestination(message)
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
        Ok(Ok(_)) => CoreError::InvalidDestination(
            "this address was made with the wrong checksum variant for its SegWit version (a bug \
             in the wallet that made it): create a new receive address with up-to-date wallet \
             software"
                .into(),
        ),
        Ok(Err(structural)) => describe_segwit_error(input, structural),
        Err(_) => bad_checksum(),
    }
}

fn bad_checksum() -> CoreError {
    CoreError::BadChecksum(format!(
        "a character is mistyped or missing: {COPY_AGAIN} rather than typing it (its checksum \
         does not match)"
    ))
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

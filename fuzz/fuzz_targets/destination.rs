//! The payout destination is pasted by the seller, or comes from a QR code, the clipboard or a
//! `bitcoin:`/`lightning:` link: any text at all. This feeds arbitrary text (bytes that are not
//! UTF-8 are converted lossily, as a paste would be) to the core crate's destination parser,
//! which tells apart on-chain addresses (base58 and bech32/bech32m), BOLT11 invoices, Lightning
//! Addresses and BIP-21 / `lightning:` links.
//!
//! It must never panic, and what it accepts must be stable: the value sent to the API
//! (`api_value`) parses again to the same destination, so what the seller checked is what is
//! paid to.
#![no_main]

use std::time::{Duration, SystemTime};

use cardcoins_core::Destination;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The BOLT11 spec examples were made at 1496314658: a minute later they are all current, so
    // the corpus's invoices reach the checks after expiry.
    let spec_time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_496_314_718);
    for now in [spec_time, SystemTime::now()] {
        match Destination::parse_at(&text, now) {
            Ok(parsed) => {
                let destination = &parsed.destination;
                let _ = (destination.kind_label(), destination.api_field().json_key());
                let again = Destination::parse_at(destination.api_value(), now)
                    .expect("the value sent to the API parses again");
                assert_eq!(&again.destination, destination);
            }
            Err(error) => {
                let _ = (error.code(), error.to_string());
            }
        }
    }
});

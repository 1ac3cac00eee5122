//! BIP 380 descriptor checksums, checked before parsing.
//!
//! miniscript verifies a checksum too, but its failure is one of many `BadDescriptor` strings.
//! A wrong checksum means a mistyped or mangled character, which deserves its own message, so
//! the checksum is compared here first, with miniscript's own computation.

use miniscript::descriptor::checksum::desc_checksum;

use crate::WalletError;

/// The descriptor without its `#checksum`, once the checksum (if any) matches.
///
/// No checksum is fine: wallets and people often leave it off, and the parse that follows
/// still catches most typos. A `#` with anything but the right 8 characters after it,
/// including nothing, is [`WalletError::BadChecksum`]. Characters outside the descriptor
/// character set are [`WalletError::Unrecognized`].
pub fn strip_checksum(descriptor: &str) -> Result<&str, WalletError> {
    let Some((body, given)) = descriptor.split_once('#') else {
        return Ok(descriptor);
    };
    let expected = desc_checksum(body).map_err(|_| WalletError::Unrecognized)?;
    if given == expected {
        Ok(body)
    } else {
        Err(WalletError::BadChecksum)
    }
}

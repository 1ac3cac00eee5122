//! Spotting what can spend, before anything tries to parse it.
//!
//! A seller who pastes a private key or seed words must be stopped with a clear word, and the
//! text must go no further: it is never parsed, kept, logged or echoed in an error. These checks
//! run on the raw text first, so a mistyped xprv (which no parser accepts) is still recognised as
//! private. They lean towards refusing: no public key or descriptor matches them.

use crate::WalletError;

/// BIP 39 phrases have 12 to 24 words, Electrum's 12 or 13; anything from 10 alphabetic words
/// up is treated as a phrase, whatever the case (some people write theirs in capitals).
const SEED_MIN_WORDS: usize = 10;

/// Private extended keys by their base58 prefix (SLIP-132 versions, see `slip132`).
const PRIVATE_PREFIXES: [&str; 10] = [
    "xprv", "yprv", "zprv", "tprv", "uprv", "vprv", "Yprv", "Zprv", "Uprv", "Vprv",
];

/// Shorter than any extended key (111 characters), longer than any word.
const MIN_EXTENDED_KEY_FRAGMENT: usize = 20;

const BASE58: &str = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// Refuses seed words, extended private keys and WIF private keys anywhere in `text`.
pub(crate) fn refuse_private(text: &str) -> Result<(), WalletError> {
    if looks_like_seed_words(text) {
        return Err(WalletError::SeedWords);
    }
    // Descriptors put keys between `(`, `[`, `]`, `/`, `,` and `#`: every key is one token.
    if text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|token| is_extended_private_key(token) || looks_like_wif(token))
    {
        return Err(WalletError::PrivateKey);
    }
    Ok(())
}

fn looks_like_seed_words(text: &str) -> bool {
    let mut words = 0;
    for word in text.split_whitespace() {
        if !word.chars().all(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        words += 1;
    }
    words >= SEED_MIN_WORDS
}

fn is_extended_private_key(token: &str) -> bool {
    token.len() >= MIN_EXTENDED_KEY_FRAGMENT
        && PRIVATE_PREFIXES
            .iter()
            .any(|prefix| token.starts_with(prefix))
}

/// WIF: 51 characters from `5` (main) or `9` (test) for an uncompressed key, 52 from `K`/`L`
/// (main) or `c` (test) for a compressed one. Matched by shape, not decoded, so one with a typo
/// is refused as private too. No public key, hash or checksum in a descriptor has that length.
fn looks_like_wif(token: &str) -> bool {
    let first = token.chars().next();
    let shape = match token.len() {
        51 => matches!(first, Some('5' | '9')),
        52 => matches!(first, Some('K' | 'L' | 'c')),
        _ => false,
    };
    shape && token.chars().all(|c| BASE58.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_words_in_any_case() {
        let phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        assert_eq!(refuse_private(phrase), Err(WalletError::SeedWords));
        assert_eq!(
            refuse_private(&phrase.to_uppercase()),
            Err(WalletError::SeedWords)
        );
        assert_eq!(
            refuse_private("legal winner thank year wave sausage worth useful legal winner"),
            Err(WalletError::SeedWords)
        );
        assert_eq!(refuse_private("too few words to be a seed"), Ok(()));
    }

    #[test]
    fn wif_keys_even_with_a_typo() {
        for wif in [
            "L4rK1yDtCWekvXuE6oXD9jCYfFNV2cWRpVuPLBcCU2z8TrisoyY1",
            "L4rK1yDtCWekvXuE6oXD9jCYfFNV2cWRpVuPLBcCU2z8TrisoyY2",
            "5KYZdUEo39z3FPrtuX2QbbwGnNP5zTd7yyr2SC1j299sBCnWjss",
            "cULrpoZGXiuC19Uhvykx7NugygA3k86b3hmdCeyvHYQZSxojGyXJ",
            "wpkh(L4rK1yDtCWekvXuE6oXD9jCYfFNV2cWRpVuPLBcCU2z8TrisoyY1)",
        ] {
            assert_eq!(refuse_private(wif), Err(WalletError::PrivateKey), "{wif}");
        }
    }

    #[test]
    fn extended_private_keys_anywhere() {
        let xprv = "xprvA1RpRA33e1JQ7ifknakTFpgNXPmW2YvmhqLQYMmrj4xJXXWYpDPS3xz7iAxn8L39njGVyuoseXzU6rcxFLJ8HFsTjSyQbLYnMpCqE2VbFWc";
        assert_eq!(refuse_private(xprv), Err(WalletError::PrivateKey));
        assert_eq!(
            refuse_private(&format!(
                "wsh(multi(2,xpub661MyMwAqRbcF/0/*,[deadbeef/0h]{xprv}/0/*))"
            )),
            Err(WalletError::PrivateKey)
        );
        assert_eq!(refuse_private(&xprv[..60]), Err(WalletError::PrivateKey));
    }

    #[test]
    fn public_material_passes() {
        for public in [
            "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs",
            "wpkh([73c5da0a/84'/0'/0']xpub6CatWdiZiodmUeTDp8LT5or8nmbKNcuyvz7WyksVFkKB4RHwCD3XyuvPEbvqAQY3rAPshWcMLoP2fMFMKHPJ4ZeZXYVUhLv1VMrjPC7PW6V/0/*)#wc3n3van",
            "tr(0330d54fd0dd420a6e5f8d3624f5f3482cae350f79d5f0753bf5beef9c2d91af3c)",
            "addr(1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA)",
        ] {
            assert_eq!(refuse_private(public), Ok(()), "{public}");
        }
    }
}

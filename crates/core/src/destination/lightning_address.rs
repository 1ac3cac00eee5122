//! Lightning Addresses (LUD-16): `user@domain`. Accepting one needs no network; checking that
//! the domain really serves it (LNURL-pay at `https://<domain>/.well-known/lnurlp/<user>`) is an
//! optional online step the app may add.

use crate::{CoreError, Reason};

const MAX_USERNAME: usize = 64;
const MAX_DOMAIN: usize = 253;
const MAX_LABEL: usize = 63;

/// A Lightning Address in lower case, as LUD-16 requires.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LightningAddress {
    address: String,
    username_end: usize,
}

impl LightningAddress {
    /// Parses `user@domain` (surrounding whitespace trimmed). The username is `a-z0-9-_.` with an
    /// optional `+tag`; the domain needs a dot. Capitals are lowered, as wallets do.
    pub fn parse(input: &str) -> Result<LightningAddress, CoreError> {
        let lowered = input.trim().to_lowercase();
        let Some((username, domain)) = lowered.rsplit_once('@') else {
            return Err(refuse("reason-lightning-address-no-at"));
        };
        check_username(username)?;
        check_domain(domain)?;
        Ok(LightningAddress {
            username_end: username.len(),
            address: lowered,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.address
    }

    /// The part before the `@`, tag included.
    pub fn username(&self) -> &str {
        &self.address[..self.username_end]
    }

    pub fn domain(&self) -> &str {
        &self.address[self.username_end + 1..]
    }

    /// Where LNURL-pay would be asked about this address (LUD-16). Onion domains use plain http.
    pub fn lnurlp_url(&self) -> String {
        let scheme = if self.domain().ends_with(".onion") {
            "http"
        } else {
            "https"
        };
        format!(
            "{scheme}://{}/.well-known/lnurlp/{}",
            self.domain(),
            self.username()
        )
    }
}

fn check_username(username: &str) -> Result<(), CoreError> {
    if username.is_empty() {
        return Err(refuse("reason-lightning-address-name-missing"));
    }
    if username.contains('@') {
        return Err(refuse("reason-lightning-address-several-at"));
    }
    if username.chars().count() > MAX_USERNAME {
        return Err(CoreError::InvalidDestination(
            Reason::new("reason-lightning-address-name-too-long").with("max", MAX_USERNAME),
        ));
    }
    let (name, tag) = match username.split_once('+') {
        Some((name, tag)) => (name, Some(tag)),
        None => (username, None),
    };
    if name.is_empty() {
        return Err(refuse("reason-lightning-address-tag-name-missing"));
    }
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c);
    for part in std::iter::once(name).chain(tag) {
        if let Some(bad) = part.chars().find(|c| !allowed(*c)) {
            return Err(bad_character(bad, Place::Name));
        }
    }
    if tag == Some("") {
        return Err(refuse("reason-lightning-address-tag-empty"));
    }
    Ok(())
}

fn check_domain(domain: &str) -> Result<(), CoreError> {
    if domain.is_empty() {
        return Err(refuse("reason-lightning-address-domain-missing"));
    }
    if domain.len() > MAX_DOMAIN {
        return Err(refuse("reason-lightning-address-domain-too-long"));
    }
    if let Some(bad) = domain
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '.'))
    {
        return Err(bad_character(bad, Place::Domain));
    }
    if !domain.contains('.') {
        return Err(refuse("reason-lightning-address-domain-no-dot"));
    }
    for label in domain.split('.') {
        if label.is_empty() {
            return Err(refuse("reason-lightning-address-domain-empty-part"));
        }
        if label.len() > MAX_LABEL || label.starts_with('-') || label.ends_with('-') {
            return Err(CoreError::InvalidDestination(
                Reason::new("reason-lightning-address-domain-bad-part").with("part", label),
            ));
        }
    }
    let tld = domain.rsplit('.').next().unwrap_or_default();
    if tld.bytes().all(|b| b.is_ascii_digit()) {
        return Err(refuse("reason-lightning-address-domain-ip"));
    }
    Ok(())
}

/// Where in the address a character was refused.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Name,
    Domain,
}

/// A character that cannot be there: shown when it can be seen, named in words when it is a
/// space or a control character. A non-ASCII one in the domain gets a hint on xn-- names.
fn bad_character(c: char, place: Place) -> CoreError {
    let id = match place {
        Place::Name if c.is_whitespace() || c.is_control() => {
            return refuse("reason-lightning-address-name-space")
        }
        Place::Domain if c.is_whitespace() || c.is_control() => {
            return refuse("reason-lightning-address-domain-space")
        }
        Place::Name => "reason-lightning-address-name-character",
        Place::Domain if c.is_ascii() => "reason-lightning-address-domain-character",
        Place::Domain => "reason-lightning-address-domain-international",
    };
    CoreError::InvalidDestination(Reason::new(id).with("char", c))
}

fn refuse(id: &'static str) -> CoreError {
    CoreError::InvalidDestination(Reason::new(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_and_lnurlp_url() {
        let address = LightningAddress::parse(" Satoshi+tips@Bitcoin.ORG ").unwrap();
        assert_eq!(address.as_str(), "satoshi+tips@bitcoin.org");
        assert_eq!(address.username(), "satoshi+tips");
        assert_eq!(address.domain(), "bitcoin.org");
        assert_eq!(
            address.lnurlp_url(),
            "https://bitcoin.org/.well-known/lnurlp/satoshi+tips"
        );
        let onion = LightningAddress::parse("bob@abcdef.onion").unwrap();
        assert_eq!(
            onion.lnurlp_url(),
            "http://abcdef.onion/.well-known/lnurlp/bob"
        );
    }
}

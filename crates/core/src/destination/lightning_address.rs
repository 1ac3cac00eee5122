//! Lightning Addresses (LUD-16): `user@domain`. Accepting one needs no network; checking that
//! the domain really serves it (LNURL-pay at `https://<domain>/.well-known/lnurlp/<user>`) is an
//! optional online step the app may add.

use crate::CoreError;

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
            return Err(refuse(
                "it has no @: a Lightning Address looks like name@example.com",
            ));
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
        return Err(refuse(
            "the name before the @ is missing: a Lightning Address looks like name@example.com",
        ));
    }
    if username.contains('@') {
        return Err(refuse(
            "it has more than one @: check that only one address was pasted",
        ));
    }
    if username.chars().count() > MAX_USERNAME {
        return Err(refuse(&format!(
            "the name before the @ is longer than {MAX_USERNAME} characters: check the address"
        )));
    }
    let (name, tag) = match username.split_once('+') {
        Some((name, tag)) => (name, Some(tag)),
        None => (username, None),
    };
    if name.is_empty() {
        return Err(refuse(
            "the name before the + is missing: check the address",
        ));
    }
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c);
    for part in std::iter::once(name).chain(tag) {
        if let Some(bad) = part.chars().find(|c| !allowed(*c)) {
            return Err(refuse(&format!(
                "{} cannot appear in the name before the @ (only letters, digits, '-', '_', '.' \
                 and one '+' can): check the address",
                describe_char(bad)
            )));
        }
    }
    if tag == Some("") {
        return Err(refuse(
            "the tag after the + is empty: remove the + or add the tag",
        ));
    }
    Ok(())
}

fn check_domain(domain: &str) -> Result<(), CoreError> {
    if domain.is_empty() {
        return Err(refuse(
            "the domain after the @ is missing: a Lightning Address looks like name@example.com",
        ));
    }
    if domain.len() > MAX_DOMAIN {
        return Err(refuse(
            "the domain after the @ is too long: check the address",
        ));
    }
    if let Some(bad) = domain
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '.'))
    {
        let hint = if bad.is_ascii() {
            ""
        } else {
            " (write an international domain in its xn-- form)"
        };
        return Err(refuse(&format!(
            "{} cannot appear in the domain after the @{hint}: check the address",
            describe_char(bad)
        )));
    }
    if !domain.contains('.') {
        return Err(refuse(
            "the domain after the @ has no dot: a Lightning Address looks like name@example.com",
        ));
    }
    for label in domain.split('.') {
        if label.is_empty() {
            return Err(refuse(
                "the domain after the @ has an empty part (two dots in a row, or a dot at an \
                 end): check the address",
            ));
        }
        if label.len() > MAX_LABEL || label.starts_with('-') || label.ends_with('-') {
            return Err(refuse(&format!(
                "\"{label}\" is not a valid part of a domain name: check the address"
            )));
        }
    }
    let tld = domain.rsplit('.').next().unwrap_or_default();
    if tld.bytes().all(|b| b.is_ascii_digit()) {
        return Err(refuse(
            "the part after the @ is an IP address, not a domain: a Lightning Address looks like \
             name@example.com",
        ));
    }
    Ok(())
}

fn describe_char(c: char) -> String {
    if c.is_whitespace() || c.is_control() {
        "a space or control character".to_string()
    } else {
        format!("the character '{c}'")
    }
}

fn refuse(reason: &str) -> CoreError {
    CoreError::InvalidDestination(format!("this is not a valid Lightning Address: {reason}"))
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

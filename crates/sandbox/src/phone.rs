//! Phone numbers as the API takes them: E.164 ("+11231231234").
//!
//! Only the shape is checked, not whether the number is assigned: the reference's own examples
//! use numbers like +11231231234 that a numbering-plan check would refuse.

use crate::error::{ApiError, ErrorKind};

pub(crate) fn parse_e164(input: &str) -> Result<String, ApiError> {
    let phone = input.trim();
    let digits = phone.strip_prefix('+').unwrap_or("");
    let well_formed = (8..=15).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0');
    if well_formed {
        Ok(phone.to_string())
    } else {
        Err(ApiError::bad_request(
            "phone_number must be in international E.164 form: a plus sign, the country code and the \
             number, digits only (e.g. +11231231234).",
        )
        .kind(ErrorKind::InvalidPhoneNumber))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e164_shape() {
        assert_eq!(
            parse_e164(" +11231231234 ").ok().as_deref(),
            Some("+11231231234")
        );
        for bad in [
            "11231231234",
            "+1 123 123 1234",
            "+0123456789",
            "+1234567",
            "+1234567890123456",
            "",
        ] {
            assert!(parse_e164(bad).is_err(), "{bad}");
        }
    }
}

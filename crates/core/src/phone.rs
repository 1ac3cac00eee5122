//! Phone numbers, normalised to E.164 (`+11231231234`) with Google's libphonenumber rules.

use std::fmt;

use phonenumber::country;
use phonenumber::metadata::DATABASE;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{CoreError, Reason, ReasonArg};

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    e164: String,
}

impl PhoneNumber {
    /// Reads a number in international form ("+1 123 …") or, without a "+", in the national
    /// form of `default_region` (ISO 3166 alpha-2, such as "US"), which also covers that
    /// region's international dialling prefix ("011 44 …" from the US).
    pub fn parse(input: &str, default_region: &str) -> Result<PhoneNumber, CoreError> {
        // Error texts do not repeat the number: they may end up in logs, and a phone number is
        // personal data.
        let normalised = normalise_digits(input.trim());
        if normalised.is_empty() {
            return Err(CoreError::InvalidPhone(Reason::new("reason-phone-empty")));
        }
        let region: Option<country::Id> = default_region.trim().to_ascii_uppercase().parse().ok();
        let international = normalised.starts_with('+');
        let parsed = if international {
            // phonenumber 0.3 applies the default region's national-prefix rules even after a
            // "+": "+55 11 9…" read with US lost its area code. A "+" needs no region.
            phonenumber::parse(None, &normalised)
        } else {
            phonenumber::parse(region, &normalised)
        }
        .map_err(|e| describe_parse_error(&e))?;

        let valid = if phonenumber::is_valid(&parsed) {
            Some(parsed)
        } else if international {
            None
        } else {
            // phonenumber 0.3 sometimes takes a national number's first digits for the
            // region's calling code ("6521 8000" in SG lost its "65"); libphonenumber proper
            // reads it as "+65 6521 8000", so try that reading too.
            region
                .and_then(|id| DATABASE.by_id(id.as_ref()))
                .and_then(|meta| {
                    phonenumber::parse(None, format!("+{}{normalised}", meta.country_code())).ok()
                })
                .filter(phonenumber::is_valid)
        };
        let Some(number) = valid else {
            return Err(invalid_for(
                &parsed_code(&normalised, region),
                international,
                region,
            ));
        };
        if number.extension().is_some() {
            return Err(CoreError::InvalidPhone(Reason::new(
                "reason-phone-extension",
            )));
        }
        let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
        Ok(PhoneNumber { e164 })
    }

    /// "+11231231234": the form the API takes.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// The number as people write it: "(650) 253-0000" for a number of `home_region`'s
    /// country, "+44 20 7946 0000" for any other.
    pub fn display_for(&self, home_region: &str) -> String {
        let Ok(number) = phonenumber::parse(None, &self.e164) else {
            return self.e164.clone();
        };
        let home_code = home_region
            .trim()
            .to_ascii_uppercase()
            .parse::<country::Id>()
            .ok()
            .and_then(|id| DATABASE.by_id(id.as_ref()))
            .map(|meta| meta.country_code());
        let mode = if home_code == Some(number.code().value()) {
            phonenumber::Mode::National
        } else {
            phonenumber::Mode::International
        };
        number.format().mode(mode).to_string()
    }
}

/// The calling code the number was read with, for the message.
fn parsed_code(normalised: &str, region: Option<country::Id>) -> Option<u16> {
    let region = if normalised.starts_with('+') {
        None
    } else {
        region
    };
    phonenumber::parse(region, normalised)
        .ok()
        .map(|number| number.code().value())
}

fn invalid_for(code: &Option<u16>, international: bool, region: Option<country::Id>) -> CoreError {
    let with_code = |id, code: u16| Reason::new(id).with("code", ReasonArg::Digits(code.into()));
    let reason = match (*code, international, region) {
        (Some(code), true, _) => with_code("reason-phone-invalid-for-code", code),
        (Some(code), false, Some(region)) => {
            let region: &str = region.as_ref();
            with_code("reason-phone-invalid-local-for-region", code).with("region", region)
        }
        (Some(code), false, None) => with_code("reason-phone-invalid-local-for-code", code),
        (None, true, _) => Reason::new("reason-phone-invalid"),
        (None, false, _) => Reason::new("reason-phone-invalid-local"),
    };
    CoreError::InvalidPhone(reason)
}

/// Full-width digits and plus (from some keyboards and PDFs) read as ASCII, as libphonenumber
/// does.
fn normalise_digits(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from_digit(u32::from(c) - 0xFF10, 10).unwrap_or(c),
            '\u{FF0B}' => '+',
            other => other,
        })
        .collect()
}

fn describe_parse_error(error: &phonenumber::ParseError) -> CoreError {
    use phonenumber::ParseError as E;
    let id = match error {
        E::NoNumber | E::MalformedInteger(_) => "reason-phone-not-a-number",
        E::InvalidCountryCode => "reason-phone-no-country",
        E::TooShortAfterIdd | E::TooShortNsn => "reason-phone-too-short",
        E::TooLong => "reason-phone-too-long",
    };
    CoreError::InvalidPhone(Reason::new(id))
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.e164)
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.e164)
    }
}

impl Serialize for PhoneNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.e164)
    }
}

/// Stored numbers are E.164, so no default region applies: a number without "+" is refused.
impl<'de> Deserialize<'de> for PhoneNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PhoneNumber, D::Error> {
        let raw = String::deserialize(deserializer)?;
        if !raw.trim().starts_with('+') {
            return Err(serde::de::Error::custom(
                "a stored phone number must be in E.164 form, starting with +",
            ));
        }
        PhoneNumber::parse(&raw, "US").map_err(serde::de::Error::custom)
    }
}

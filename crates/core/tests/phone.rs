//! Phone numbers against libphonenumber's examples and our own cases.

mod common;

use cardcoins_core::PhoneNumber;

#[test]
fn phone_table() {
    let rows = common::rows(include_str!("vectors/phones.txt"));
    let mut failures = Vec::new();
    for row in &rows {
        let expect = row.columns[0];
        let input = row.columns.get(1).copied().unwrap_or_default();
        let region = row.columns.get(2).copied().unwrap_or_default();
        let fragment = row.columns.get(3).copied().unwrap_or_default();
        let outcome = match (expect.starts_with('+'), PhoneNumber::parse(input, region)) {
            (true, Ok(number)) if number.e164() == expect => continue,
            (true, Ok(number)) => format!("expected {expect}, got {}", number.e164()),
            (true, Err(error)) => format!("expected {expect}, got {error}"),
            (false, Ok(number)) => format!("expected {expect}, got {}", number.e164()),
            (false, Err(error))
                if error.code().as_str() == expect
                    && error.to_string().contains(fragment)
                    && error.reason().check().is_ok() =>
            {
                continue
            }
            (false, Err(error)) => format!("expected {expect} with {fragment:?}, got {error}"),
        };
        failures.push(format!(
            "phones.txt:{} {input:?} {region}: {outcome}",
            row.line
        ));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(rows.len() >= 40);
}

#[test]
fn display_and_serde_use_e164() {
    let number = PhoneNumber::parse("(650) 253-0000", "US").unwrap();
    assert_eq!(number.to_string(), "+16502530000");
    assert_eq!(serde_json::to_string(&number).unwrap(), "\"+16502530000\"");
    let back: PhoneNumber = serde_json::from_str("\"+16502530000\"").unwrap();
    assert_eq!(back, number);
    // Stored numbers are E.164: no region applies, so a national form is refused.
    assert!(serde_json::from_str::<PhoneNumber>("\"650 253 0000\"").is_err());
}

#[test]
fn messages_never_repeat_the_number() {
    for input in [
        "+1 650 253 00000000",
        "6502530000999999",
        "+1 650 253 0000 x123",
    ] {
        let error = PhoneNumber::parse(input, "US").unwrap_err();
        assert!(!error.to_string().contains("253"), "{error}");
    }
}

#[test]
fn numbers_read_as_people_write_them() {
    let us = PhoneNumber::parse("6502530000", "US").expect("US number");
    assert_eq!(us.display_for("US"), "(650) 253-0000");
    assert_eq!(us.display_for("CA"), "(650) 253-0000", "Canada shares +1");
    assert_eq!(us.display_for("GB"), "+1 650-253-0000");
    let uk = PhoneNumber::parse("+44 20 7946 0000", "US").expect("UK number");
    assert_eq!(uk.display_for("GB"), "020 7946 0000");
    assert_eq!(uk.display_for("US"), "+44 20 7946 0000");
}

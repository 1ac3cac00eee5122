//! Magic values: inputs that pick a branch deterministically, like a payment sandbox's test
//! cards. Each one is listed in the crate README.

/// Creating an order for exactly this amount answers 503 (maintenance).
pub(crate) const MAINTENANCE_AMOUNT_CENTS: u64 = 5030;

/// Amounts whose cents end in this are rejected once, with feedback on Image2.
pub(crate) const REJECT_ONCE_CENTS_SUFFIX: u64 = 13;

/// Amounts whose cents end in this are paid, on approval, to [`OTHER_PAYOUT_ADDRESS`] instead of
/// the address sent: a server that names another destination than the seller's.
pub(crate) const OTHER_PAYOUT_CENTS_SUFFIX: u64 = 66;

/// Where such an order's payout goes (BIP 173's example P2WPKH address).
pub(crate) const OTHER_PAYOUT_ADDRESS: &str = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";

/// Phone numbers ending in this fail the geolocation check (403) at dispatch.
pub(crate) const GEOLOCATION_FAIL_PHONE_SUFFIX: &str = "0403";

pub(crate) const IMAGE2_FEEDBACK: &str =
    "The receipt is not readable in this photo. Take a new photo of the back of the card next to \
     the receipt, flat and in good light, and upload it as Image2.";

pub(crate) const NOT_AN_IMAGE_FEEDBACK: &str =
    "This file is not a JPEG or PNG photo. Take the photo again and upload it as JPEG or PNG.";

pub(crate) fn answers_maintenance(amount_cents: u64) -> bool {
    amount_cents == MAINTENANCE_AMOUNT_CENTS
}

pub(crate) fn rejected_once(amount_cents: u64) -> bool {
    amount_cents % 100 == REJECT_ONCE_CENTS_SUFFIX
}

pub(crate) fn pays_elsewhere(amount_cents: u64) -> bool {
    amount_cents % 100 == OTHER_PAYOUT_CENTS_SUFFIX
}

pub(crate) fn fails_geolocation(phone_e164: &str) -> bool {
    phone_e164.ends_with(GEOLOCATION_FAIL_PHONE_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_values() {
        assert!(answers_maintenance(5030));
        assert!(!answers_maintenance(5031));
        assert!(rejected_once(5513));
        assert!(rejected_once(13));
        assert!(!rejected_once(5500));
        assert!(pays_elsewhere(5566));
        assert!(!pays_elsewhere(5565));
        assert!(fails_geolocation("+15555550403"));
        assert!(!fails_geolocation("+15555550404"));
    }
}

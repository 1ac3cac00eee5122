//! Order IDs are bearer secrets: random, unguessable, and never written to logs whole.

use rand::distr::{Alphanumeric, SampleString};

/// 16 alphanumeric characters from the thread's CSPRNG: about 95 bits, URL-safe.
const ORDER_ID_LEN: usize = 16;

pub(crate) fn new_order_id() -> String {
    Alphanumeric.sample_string(&mut rand::rng(), ORDER_ID_LEN)
}

/// The only form of an order ID that may appear in logs and messages.
pub(crate) fn redacted(order_id: &str) -> String {
    let head: String = order_id.chars().take(3).collect();
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_long_url_safe_and_distinct() {
        let a = new_order_id();
        let b = new_order_id();
        assert_eq!(a.len(), ORDER_ID_LEN);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(a, b);
    }

    #[test]
    fn redacted_keeps_three_chars() {
        assert_eq!(redacted("yD1gHCUWjh"), "yD1…");
        assert_eq!(redacted("ab"), "ab…");
    }
}

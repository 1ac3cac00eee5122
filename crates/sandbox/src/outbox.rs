use serde::{Deserialize, Serialize};

/// How a verification code was delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Sms,
    Call,
}

/// A verification code the sandbox "sent": what a phone would have received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    /// E.164, as given to the dispatch endpoint.
    pub phone: String,
    /// The 6-digit code.
    pub code: String,
    pub channel: Channel,
    /// ISO 8601 UTC.
    pub sent_at: String,
}

/// Whether `query` names the same phone as `phone`: only digits are compared, because a `+`
/// in a query string arrives as a space unless the caller encoded it.
pub(crate) fn same_phone(phone: &str, query: &str) -> bool {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let wanted = digits(query);
    !wanted.is_empty() && digits(phone) == wanted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_decoded_as_space_still_matches() {
        assert!(same_phone("+11231231234", " 11231231234"));
        assert!(same_phone("+11231231234", "+11231231234"));
        assert!(!same_phone("+11231231234", "+11231231235"));
        assert!(!same_phone("+11231231234", ""));
    }
}

//! How an order's status reads to a person: a short label and a sentence on what it means.
//! Shared by the app and the CLI, so both say the same thing.

use crate::OrderStatus;

impl OrderStatus {
    /// A short label. A status this version does not know is shown in the server's own word,
    /// made readable ("on_hold" reads "On hold").
    pub fn label(&self) -> String {
        let label = match self {
            OrderStatus::Created => "Started",
            OrderStatus::Authorized => "Waiting for photos",
            OrderStatus::Processing => "Being reviewed",
            OrderStatus::Approved => "Approved",
            OrderStatus::Completed => "Completed",
            OrderStatus::Rejected => "Photos rejected",
            OrderStatus::Expired => "Expired",
            OrderStatus::Cancelled => "Cancelled",
            OrderStatus::Gone => "No longer on file",
            OrderStatus::Unknown(raw) => return readable_word(raw),
        };
        label.to_string()
    }

    pub fn explanation(&self) -> &'static str {
        match self {
            OrderStatus::Created => "Confirm your phone number and say where the bitcoin should go.",
            OrderStatus::Authorized => "Upload the photos CardCoins asks for, then submit them for review.",
            OrderStatus::Processing => "CardCoins is checking your photos. This usually takes a few minutes; you may close the app and come back.",
            OrderStatus::Approved => "The card was accepted and the bitcoin is on its way.",
            OrderStatus::Completed => "The order is complete.",
            OrderStatus::Rejected => "Some photos were not accepted. Read the feedback, upload new photos and submit them again.",
            OrderStatus::Expired => "The order expired before it was finished. Start a new order.",
            OrderStatus::Cancelled => "The order was cancelled. Start a new order if you still want to sell the card.",
            OrderStatus::Gone => "CardCoins no longer has this order: it expired or was cancelled. Start a new order if you still want to sell the card.",
            OrderStatus::Unknown(_) => "This is CardCoins' own word for where the order stands. The app keeps checking, less often as time goes on; nothing is needed from you unless CardCoins asks.",
        }
    }
}

/// `on_hold`, `IN-REVIEW` or `pendingReview` as words a person reads: "On hold", "In review",
/// "Pending review". Only letters, digits and spaces survive, so a hostile status cannot carry
/// markup or control characters, and the label stays short.
fn readable_word(raw: &str) -> String {
    let mut words = String::new();
    let mut previous_lower = false;
    for c in raw.trim().chars().take(40) {
        if c.is_alphanumeric() {
            if c.is_uppercase() && previous_lower {
                words.push(' ');
            }
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
            words.extend(c.to_lowercase());
        } else if !words.ends_with(' ') && !words.is_empty() {
            words.push(' ');
            previous_lower = false;
        }
    }
    let words = words.trim();
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Status not given".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_as_words() {
        for raw in [
            "created",
            "authorized",
            "processing",
            "approved",
            "completed",
            "rejected",
            "expired",
            "cancelled",
            "something-new",
        ] {
            let status = OrderStatus::parse(raw);
            assert!(!status.label().is_empty(), "{raw}");
            assert!(status.explanation().ends_with('.'), "{raw}");
        }
        assert_eq!(OrderStatus::parse("rejected").label(), "Photos rejected");
    }

    #[test]
    fn unknown_statuses_read_in_the_servers_own_word() {
        for (raw, label) in [
            ("on_hold", "On hold"),
            ("IN-REVIEW", "In review"),
            ("pendingReview", "Pending review"),
            ("declined", "Declined"),
            ("  <b>x</b>\u{7}", "B x b"),
            ("", "Status not given"),
            ("___", "Status not given"),
        ] {
            assert_eq!(OrderStatus::parse(raw).label(), label, "{raw:?}");
        }
    }
}

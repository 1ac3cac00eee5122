//! How an order's status reads to a person: a short label and a sentence on what it means.
//! Shared by the app and the CLI, so both say the same thing.

use crate::OrderStatus;

impl OrderStatus {
    pub fn label(&self) -> &'static str {
        match self {
            OrderStatus::Created => "Started",
            OrderStatus::Authorized => "Waiting for photos",
            OrderStatus::Processing => "Being reviewed",
            OrderStatus::Approved => "Approved",
            OrderStatus::Completed => "Completed",
            OrderStatus::Rejected => "Photos rejected",
            OrderStatus::Expired => "Expired",
            OrderStatus::Cancelled => "Cancelled",
            OrderStatus::Unknown(_) => "Unknown status",
        }
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
            OrderStatus::Unknown(_) => "CardCoins reports a status this version of the app does not know. Check again later, or update the app.",
        }
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
}

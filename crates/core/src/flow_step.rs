//! Where a seller picks an order up again: the one step of the flow still to do.

use serde::{Deserialize, Serialize};

/// The step an order resumes at. Saved by the order vault (as lowercase text), shown by the
/// app and the CLI alike.
/// Ordered as the flow goes: `Phone < Payout < … < Status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum FlowStep {
    /// Confirm the phone number.
    Phone,
    /// Give the payout address or invoice.
    Payout,
    /// Upload the photos.
    Photos,
    /// Everything is up; submit for review.
    Review,
    /// Nothing to do but watch the status.
    Status,
}

impl FlowStep {
    /// What the seller does next, as a sentence.
    pub fn next_action(self) -> &'static str {
        match self {
            FlowStep::Phone => "Confirm the phone number with the code CardCoins sends.",
            FlowStep::Payout => {
                "Say where the bitcoin should go: an address or a lightning invoice."
            }
            FlowStep::Photos => "Upload the photos of the card that CardCoins asks for.",
            FlowStep::Review => "Submit the photos for review.",
            FlowStep::Status => "Nothing to do: follow the status until the bitcoin arrives.",
        }
    }
}

//! Where an order resumes, from what the server says about it.

use cardcoins_core::{FlowStep, OrderStatus};

use crate::types::OrderDetails;

impl OrderDetails {
    /// The step still to do. A rejected order goes back to the photos until every flagged
    /// photo is replaced; an order with all its photos up waits for the seller to submit it.
    pub fn resume_step(&self) -> FlowStep {
        match self.status {
            OrderStatus::Created if !self.phone_verified => FlowStep::Phone,
            OrderStatus::Created => FlowStep::Payout,
            OrderStatus::Authorized | OrderStatus::Rejected => {
                if self.missing_images().next().is_some() || self.required_images.is_empty() {
                    FlowStep::Photos
                } else {
                    FlowStep::Review
                }
            }
            _ => FlowStep::Status,
        }
    }
}

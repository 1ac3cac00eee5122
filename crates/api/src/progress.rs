//! Where an order stands, from what the server says and, where it says nothing, from what this
//! computer remembers doing. The reference documents only `status`; whether the phone is
//! confirmed, which photos are up, and what a status this client does not know means, are the
//! app's own record until the server says otherwise.

use cardcoins_core::{FlowStep, ImageSlot, OrderStatus};
use serde::Serialize;

use crate::types::OrderDetails;

/// What this computer remembers of an order's progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The step the app last moved the order to.
    pub step: FlowStep,
    /// Photos uploaded from this computer.
    pub uploaded: Vec<ImageSlot>,
    /// Photos the server asked for only in a refusal (a presign or verify answer naming them).
    pub extra_slots: Vec<ImageSlot>,
}

impl Progress {
    /// Nothing remembered: an order met for the first time (the CLI reading any order ID).
    pub fn unknown() -> Progress {
        Progress {
            step: FlowStep::Phone,
            uploaded: Vec::new(),
            extra_slots: Vec::new(),
        }
    }
}

/// One photo the order needs, as the seller is shown it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhotoNeed {
    pub slot: ImageSlot,
    /// The server's description when it gave one, else this app's.
    pub description: String,
    pub uploaded: bool,
    /// The server's reasons for turning this photo down.
    pub feedback: Vec<String>,
}

impl OrderDetails {
    /// Every photo the order needs: the server's list (or the card's two sides), the photos a
    /// refusal named, and the photos uploaded from here that a server's list of what is still
    /// missing no longer shows.
    pub fn photos_needed(&self, progress: &Progress) -> Vec<PhotoNeed> {
        if self.required_images.is_empty() {
            return Vec::new();
        }
        let mut needs: Vec<PhotoNeed> = self
            .required_images
            .iter()
            .map(|image| PhotoNeed {
                slot: image.slot,
                description: image.description.clone(),
                uploaded: image
                    .uploaded
                    .unwrap_or_else(|| progress.uploaded.contains(&image.slot)),
                feedback: Vec::new(),
            })
            .collect();
        for slot in progress.extra_slots.iter().chain(&progress.uploaded) {
            if !needs.iter().any(|need| need.slot == *slot) {
                needs.push(PhotoNeed {
                    slot: *slot,
                    description: slot.description().to_string(),
                    uploaded: progress.uploaded.contains(slot),
                    feedback: Vec::new(),
                });
            }
        }
        for item in &self.image_feedback {
            if let Some(need) = needs.iter_mut().find(|need| need.slot == item.slot) {
                need.feedback.push(item.feedback.clone());
            }
        }
        needs
    }

    /// The step still to do. A rejected order resumes at its status, where the feedback is
    /// shown beside the photos to replace.
    pub fn resume_step(&self, progress: &Progress) -> FlowStep {
        if self.photos_rejected() {
            return FlowStep::Status;
        }
        match self.status {
            OrderStatus::Created => match self.phone_verified {
                Some(false) => FlowStep::Phone,
                Some(true) => FlowStep::Payout,
                None if progress.step >= FlowStep::Payout => FlowStep::Payout,
                None => FlowStep::Phone,
            },
            OrderStatus::Authorized => {
                if self
                    .photos_needed(progress)
                    .iter()
                    .all(|need| need.uploaded)
                {
                    FlowStep::Review
                } else {
                    FlowStep::Photos
                }
            }
            OrderStatus::Unknown(_) => progress.step,
            OrderStatus::Rejected
            | OrderStatus::Processing
            | OrderStatus::Approved
            | OrderStatus::Completed
            | OrderStatus::Expired
            | OrderStatus::Cancelled
            | OrderStatus::Gone => FlowStep::Status,
        }
    }

    /// Whether the phone step is done: the server's word, else inferred from a status past
    /// `created`, else this computer's record.
    pub fn phone_confirmed(&self, progress: &Progress) -> bool {
        match (&self.phone_verified, &self.status) {
            (Some(said), _) => *said,
            (None, OrderStatus::Created) => progress.step > FlowStep::Phone,
            (None, OrderStatus::Unknown(_)) => progress.step > FlowStep::Phone,
            (None, _) => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::responses;

    fn order(status: &str, extras: &str) -> OrderDetails {
        let comma = if extras.is_empty() { "" } else { "," };
        let body = format!(
            r#"{{"message":"","data":{{"status":"{status}","order":{{"base_currency_amount":5500,
            "currency_price_usd":6585000,"currency_amount":83523}}{comma}{extras}}}}}"#
        );
        responses::order(200, body.as_bytes(), None).expect("order")
    }

    fn at(step: FlowStep, uploaded: &[ImageSlot]) -> Progress {
        Progress {
            step,
            uploaded: uploaded.to_vec(),
            extra_slots: Vec::new(),
        }
    }

    #[test]
    fn a_silent_server_resumes_from_the_apps_record() {
        let created = order("created", "");
        assert_eq!(created.resume_step(&Progress::unknown()), FlowStep::Phone);
        assert_eq!(
            created.resume_step(&at(FlowStep::Payout, &[])),
            FlowStep::Payout
        );
        assert!(created.phone_confirmed(&at(FlowStep::Payout, &[])));
        assert!(!created.phone_confirmed(&Progress::unknown()));

        let authorized = order("authorized", "");
        assert_eq!(
            authorized.resume_step(&at(FlowStep::Photos, &[ImageSlot::Image1])),
            FlowStep::Photos
        );
        assert_eq!(
            authorized.resume_step(&at(
                FlowStep::Photos,
                &[ImageSlot::Image1, ImageSlot::Image2]
            )),
            FlowStep::Review
        );

        let pending = order("pending", "");
        assert_eq!(
            pending.resume_step(&at(FlowStep::Payout, &[])),
            FlowStep::Payout
        );
        let in_review = order("in_review", "");
        assert_eq!(
            in_review.resume_step(&at(FlowStep::Status, &[])),
            FlowStep::Status
        );
    }

    #[test]
    fn the_servers_word_wins_where_it_speaks() {
        let said = order("created", r#""phone_verified":false"#);
        assert_eq!(
            said.resume_step(&at(FlowStep::Payout, &[])),
            FlowStep::Phone
        );
        let uploaded = order(
            "authorized",
            r#""required_images":[{"image_type":"Image1","uploaded":true},{"image_type":"Image2","uploaded":false}]"#,
        );
        assert_eq!(
            uploaded.resume_step(&at(
                FlowStep::Review,
                &[ImageSlot::Image1, ImageSlot::Image2]
            )),
            FlowStep::Photos
        );
        assert_eq!(
            order("processing", "").resume_step(&Progress::unknown()),
            FlowStep::Status
        );
    }

    #[test]
    fn rejected_orders_resume_at_their_status_with_the_feedback_by_the_photo() {
        let rejected = order("declined", r#""image_feedback":{"Image2":"Blurry"}"#);
        let progress = at(FlowStep::Status, &[ImageSlot::Image1, ImageSlot::Image2]);
        assert_eq!(rejected.resume_step(&progress), FlowStep::Status);
        let needs = rejected.photos_needed(&progress);
        assert_eq!(needs[1].slot, ImageSlot::Image2);
        assert_eq!(needs[1].feedback, vec!["Blurry".to_string()]);
        assert!(needs.iter().all(|need| need.uploaded));
    }

    #[test]
    fn photos_named_in_a_refusal_and_photos_already_up_are_kept() {
        let missing_only = order("authorized", r#""required_images":{"Image2":"Back"}"#);
        let progress = Progress {
            step: FlowStep::Photos,
            uploaded: vec![ImageSlot::Image1],
            extra_slots: vec![ImageSlot::GovidImageFront],
        };
        let needs = missing_only.photos_needed(&progress);
        let slots: Vec<ImageSlot> = needs.iter().map(|need| need.slot).collect();
        assert_eq!(
            slots,
            vec![
                ImageSlot::Image2,
                ImageSlot::GovidImageFront,
                ImageSlot::Image1
            ]
        );
        assert_eq!(needs.iter().filter(|need| need.uploaded).count(), 1);
    }
}

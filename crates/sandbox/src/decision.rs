//! The review after verify: due `decision_delay` after the request, made the first time anyone
//! looks at the order after that (so it also happens across a restart).

use rand::RngCore;

use crate::clock::EpochMillis;
use crate::magic;
use crate::order::{
    quote_sats, Destination, ImageFeedback, ImageSlot, Order, OrderStatus, Payout, Rejection,
};

pub(crate) fn settle(order: &mut Order, now: EpochMillis, decision_delay_ms: i64) {
    if order.status != OrderStatus::Processing {
        return;
    }
    let Some(requested_at) = order.verify_requested_at else {
        return;
    };
    let due_at = requested_at.saturating_add(decision_delay_ms);
    if now >= due_at {
        decide(order, due_at);
    }
}

fn decide(order: &mut Order, decided_at: EpochMillis) {
    let feedback = review(order);
    if feedback.is_empty() {
        approve(order, decided_at);
    } else {
        order.status = OrderStatus::Rejected;
        order.rejections += 1;
        order.last_rejection = Some(Rejection {
            at: decided_at,
            feedback,
        });
    }
}

fn review(order: &Order) -> Vec<ImageFeedback> {
    let mut feedback: Vec<ImageFeedback> = Vec::new();
    let mut flag = |slot: ImageSlot, text: &str| {
        if !feedback.iter().any(|item| item.slot == slot) {
            feedback.push(ImageFeedback {
                slot,
                feedback: text.to_string(),
            });
        }
    };
    for slot in &order.required_images {
        if order
            .uploads
            .get(slot)
            .is_some_and(|upload| !upload.looks_like_image)
        {
            flag(*slot, magic::NOT_AN_IMAGE_FEEDBACK);
        }
    }
    // What was flagged last time stays flagged until a new photo replaces it.
    if let Some(last) = &order.last_rejection {
        for item in &last.feedback {
            let replaced = order
                .uploads
                .get(&item.slot)
                .is_some_and(|upload| last.replaced_by(upload));
            if !replaced {
                flag(item.slot, &item.feedback);
            }
        }
    }
    if order.rejections == 0 && magic::rejected_once(order.amount_cents) {
        flag(ImageSlot::Image2, magic::IMAGE2_FEEDBACK);
    }
    feedback
}

fn approve(order: &mut Order, decided_at: EpochMillis) {
    let Some(mut destination) = order.destination.clone() else {
        // Unreachable through the API (payment needs a destination); stay in review rather than invent one.
        return;
    };
    if magic::pays_elsewhere(order.amount_cents) {
        destination = Destination::Address(magic::OTHER_PAYOUT_ADDRESS.to_string());
    }
    let price = order.locked_price_usd_cents.unwrap_or_default();
    let mut reference = [0u8; 32];
    rand::rng().fill_bytes(&mut reference);
    order.status = OrderStatus::Approved;
    order.last_rejection = None;
    order.payout = Some(Payout {
        sats: quote_sats(order.amount_cents, price),
        destination,
        reference: hex::encode(reference),
        sent_at: decided_at,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::Upload;

    fn processing(amount: u64) -> Order {
        let mut order = Order::new(amount, 0);
        order.status = OrderStatus::Processing;
        order.destination = Some(Destination::Address("bc1q".into()));
        order.required_images = ImageSlot::CARD.to_vec();
        for slot in ImageSlot::CARD {
            order.uploads.insert(slot, upload(1));
        }
        order.locked_price_usd_cents = Some(6_585_000);
        order.verify_requested_at = Some(10);
        order
    }

    fn upload(at: EpochMillis) -> Upload {
        Upload {
            key: "k".into(),
            size: 1,
            etag: "e".into(),
            uploaded_at: at,
            looks_like_image: true,
        }
    }

    #[test]
    fn waits_for_the_delay_then_approves() {
        let mut order = processing(5500);
        settle(&mut order, 14, 5);
        assert_eq!(order.status, OrderStatus::Processing);
        settle(&mut order, 15, 5);
        assert_eq!(order.status, OrderStatus::Approved);
        let payout = order
            .payout
            .as_ref()
            .map(|payout| (payout.sats, payout.reference.len(), payout.sent_at));
        assert_eq!(payout, Some((83_523, 64, 15)));
    }

    #[test]
    fn cents_ending_in_13_are_rejected_once_until_image2_is_replaced() {
        let mut order = processing(5513);
        settle(&mut order, 100, 5);
        assert_eq!(order.status, OrderStatus::Rejected);
        let flagged: Vec<ImageSlot> = order
            .last_rejection
            .iter()
            .flat_map(|r| r.feedback.iter().map(|f| f.slot))
            .collect();
        assert_eq!(flagged, vec![ImageSlot::Image2]);

        // verify again without a new Image2: still rejected
        order.status = OrderStatus::Processing;
        order.verify_requested_at = Some(200);
        settle(&mut order, 300, 5);
        assert_eq!(order.status, OrderStatus::Rejected);

        order.uploads.insert(ImageSlot::Image2, upload(400));
        order.status = OrderStatus::Processing;
        order.verify_requested_at = Some(500);
        settle(&mut order, 600, 5);
        assert_eq!(order.status, OrderStatus::Approved);
    }

    #[test]
    fn a_photo_uploaded_in_the_millisecond_of_the_rejection_replaces_the_flagged_one() {
        let mut order = processing(5513);
        settle(&mut order, 15, 5);
        assert_eq!(order.status, OrderStatus::Rejected);
        order.uploads.insert(ImageSlot::Image2, upload(15));
        order.status = OrderStatus::Processing;
        order.verify_requested_at = Some(15);
        settle(&mut order, 20, 5);
        assert_eq!(order.status, OrderStatus::Approved);
    }

    #[test]
    fn a_file_that_is_not_a_photo_is_rejected() {
        let mut order = processing(5500);
        if let Some(upload) = order.uploads.get_mut(&ImageSlot::Image1) {
            upload.looks_like_image = false;
        }
        settle(&mut order, 100, 5);
        assert_eq!(order.status, OrderStatus::Rejected);
    }
}

//! Know-your-customer by weekly volume per phone number.

use crate::clock::EpochMillis;
use crate::config::SandboxConfig;
use crate::order::{ImageSlot, OrderStatus};
use crate::state::Store;

const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// The phone's volume over the last 7 days, the current order included. Other orders count once
/// their payment step is done: an abandoned order in `created` was never a sale.
pub(crate) fn weekly_volume_cents(
    store: &Store,
    phone: &str,
    current_order_id: &str,
    now: EpochMillis,
) -> u64 {
    let since = now.saturating_sub(WEEK_MS);
    store
        .orders
        .iter()
        .filter(|(order_id, order)| {
            let counts = order_id.as_str() == current_order_id
                || (order.phone_verified
                    && order.phone.as_deref() == Some(phone)
                    && order.status != OrderStatus::Created);
            counts && order.created_at >= since
        })
        .map(|(_, order)| order.amount_cents)
        .fold(0, u64::saturating_add)
}

/// First and last name are needed when the volume passes the threshold and none are on file.
pub(crate) fn names_required(
    store: &Store,
    order_id: &str,
    now: EpochMillis,
    config: &SandboxConfig,
) -> bool {
    let Some(order) = store.orders.get(order_id) else {
        return false;
    };
    let (true, Some(phone)) = (order.phone_verified, order.phone.as_deref()) else {
        return false;
    };
    !store.profiles.contains_key(phone)
        && weekly_volume_cents(store, phone, order_id, now) > config.kyc_name_threshold_cents
}

/// The card images always; government ID images once the volume passes the higher threshold.
pub(crate) fn required_images(weekly_volume_cents: u64, config: &SandboxConfig) -> Vec<ImageSlot> {
    let mut slots = ImageSlot::CARD.to_vec();
    if weekly_volume_cents > config.kyc_id_threshold_cents {
        slots.extend(ImageSlot::GOVERNMENT_ID);
    }
    slots
}

/// "$1,234.56" for messages.
pub(crate) fn dollars(cents: u64) -> String {
    cardcoins_core::Cents::new(cents).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::Order;

    fn verified(amount: u64, phone: &str, status: OrderStatus, created_at: EpochMillis) -> Order {
        let mut order = Order::new(amount, created_at);
        order.phone = Some(phone.to_string());
        order.phone_verified = true;
        order.status = status;
        order
    }

    #[test]
    fn volume_counts_the_current_order_and_finished_payment_steps_this_week() {
        let now = 10 * WEEK_MS;
        let mut store = Store::default();
        let phone = "+15555550100";
        store.orders.insert(
            "current".into(),
            verified(50_000, phone, OrderStatus::Created, now),
        );
        store.orders.insert(
            "paid".into(),
            verified(60_000, phone, OrderStatus::Approved, now - 1000),
        );
        store.orders.insert(
            "abandoned".into(),
            verified(90_000, phone, OrderStatus::Created, now),
        );
        store.orders.insert(
            "old".into(),
            verified(90_000, phone, OrderStatus::Approved, now - WEEK_MS - 1),
        );
        store.orders.insert(
            "other".into(),
            verified(90_000, "+15555550101", OrderStatus::Approved, now),
        );
        assert_eq!(weekly_volume_cents(&store, phone, "current", now), 110_000);
        let config = SandboxConfig::default();
        assert!(names_required(&store, "current", now, &config));
        assert_eq!(required_images(110_000, &config).len(), 2);
        assert_eq!(required_images(250_001, &config).len(), 5);
    }

    #[test]
    fn dollars_group_thousands() {
        assert_eq!(dollars(100_000), "$1,000.00");
        assert_eq!(dollars(5513), "$55.13");
        assert_eq!(dollars(123_456_789), "$1,234,567.89");
    }
}

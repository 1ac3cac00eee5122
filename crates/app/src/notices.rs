//! Desktop notifications, in the seller's language from the catalog. They name no order, no
//! address and no transaction: a notification can be read over a shoulder.

use cardcoins_catalog::{Catalog, Value};
use cardcoins_payout_watch::WatchEvent;

use crate::orders::{Outcome, StatusChange};

/// Title and body for a decision on an order.
pub fn status_notice(
    catalog: &Catalog,
    change: &StatusChange,
    outcome: Outcome,
) -> (String, String) {
    let status = [("status", Value::from(change.status.as_str()))];
    let (stage, body) = match outcome {
        Outcome::Accepted => ("notice-stage-accepted", "notice-accepted-body"),
        Outcome::PhotosRejected => (
            "notice-stage-photos-rejected",
            "notice-photos-rejected-body",
        ),
        Outcome::Gone => ("notice-stage-gone", "notice-gone-body"),
    };
    (
        titled(catalog, catalog.text(stage, &status)),
        catalog.text(body, &[]),
    )
}

/// Title and body for a step of an on-chain payout.
pub fn payout_notice(catalog: &Catalog, event: &WatchEvent) -> (String, String) {
    let (title, body) = payout_words(catalog, event);
    (titled(catalog, title), body)
}

/// The step's own title and body, as the order's timeline keeps them.
pub fn payout_words(catalog: &Catalog, event: &WatchEvent) -> (String, String) {
    match event {
        WatchEvent::Seen { .. } => (
            catalog.text("notice-payout-seen-title", &[]),
            catalog.text("notice-payout-seen-body", &[]),
        ),
        WatchEvent::Replaced { .. } => (
            catalog.text("notice-payout-replaced-title", &[]),
            catalog.text("notice-payout-replaced-body", &[]),
        ),
        WatchEvent::Confirmed { confirmations, .. } => (
            catalog.text("notice-payout-confirmed-title", &[]),
            catalog.text(
                "notice-payout-confirmed-body",
                &[("confirmations", Value::from(*confirmations))],
            ),
        ),
        WatchEvent::Done { block_height, .. } => (
            catalog.text("notice-payout-done-title", &[]),
            catalog.text(
                "notice-payout-done-body",
                &[("block", Value::Text(block_height.to_string()))],
            ),
        ),
    }
}

fn titled(catalog: &Catalog, stage: String) -> String {
    catalog.text("notice-title", &[("stage", Value::Text(stage))])
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use bitcoin::Txid;

    use super::*;

    fn txid(byte: u8) -> Txid {
        Txid::from_str(&format!("{byte:02x}").repeat(32)).expect("txid")
    }

    #[test]
    fn payout_steps_read_as_notifications_naming_no_transaction() {
        let english = Catalog::for_tag("en-US");
        let (title, body) = payout_notice(&english, &WatchEvent::Seen { txid: txid(0xa1) });
        assert_eq!(title, "CardCoins: Payment seen");
        assert!(
            body.contains("bigger batch") && body.contains("Don't spend it yet"),
            "{body}"
        );
        let replaced = WatchEvent::Replaced {
            old_txid: txid(0xa1),
            new_txid: txid(0xb2),
        };
        // The transaction is shown once, beside the payout; a notification or a line in the
        // timeline does not repeat it.
        let (_, body) = payout_notice(&english, &replaced);
        assert!(!body.contains(&"b2".repeat(32)) && !body.contains(&"a1".repeat(32)));
        let confirmed = WatchEvent::Confirmed {
            txid: txid(0xb2),
            confirmations: 1,
        };
        let (_, body) = payout_words(&english, &confirmed);
        assert!(body.contains("1 confirmation of the 3"), "{body}");
        let done = WatchEvent::Done {
            txid: txid(0xb2),
            block_height: 840_000,
        };
        let (_, body) = payout_words(&english, &done);
        assert!(
            body.contains("(block 840000)") && body.contains("yours to spend"),
            "{body}"
        );
        let (title, body) = payout_notice(&Catalog::for_tag("es-US"), &done);
        assert_eq!(title, "CardCoins: Pago completado");
        assert!(body.contains("es tuyo"), "{body}");
    }
}

//! The two journeys of an order, through the same functions the commands call, against a
//! sandbox answering in each dialect: approved, and rejected then re-uploaded then approved. The
//! dialects differ in everything the API reference leaves open (extras, their shapes, status
//! words, error bodies), so what passes here does not lean on any one server's guesses.

use cardcoins_core::{FlowStep, ImageSlot};
use cardcoins_sandbox::{Dialect, ManualClock, SandboxConfig};

use crate::flow_tests::{practice_in, upload_photo, write_card_photo, ADDRESS, PHONE};
use crate::order_views::OrderView;
use crate::orders;
use crate::state::AppState;

/// Amounts whose cents end in 13 are rejected once on Image2 by the sandbox (README: magic values).
const REJECTED_ONCE: u64 = 5513;
const APPROVED: u64 = 5500;

/// The order as the app sees it once the sandbox's review time has passed: decided, or turned
/// down.
async fn decided(state: &AppState, clock: &ManualClock, handle: &str) -> OrderView {
    let order = orders::get_order(state, handle).await.expect("order read");
    assert!(
        !order.is_final && !order.photos_rejected,
        "decided too soon: {order:?}"
    );
    clock.advance(SandboxConfig::default().decision_delay);
    let order = orders::get_order(state, handle).await.expect("order read");
    assert!(
        order.is_final || order.photos_rejected,
        "no decision: {order:?}"
    );
    order
}

/// The order at its end, and whether it was turned down on the way.
async fn journey(dialect: Dialect, amount_cents: u64) -> (OrderView, bool) {
    let folder = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::starting_now();
    let state = practice_in(folder.path(), Some(dialect), Some(&clock)).await;
    let sandbox = state.sandbox().expect("sandbox");
    let price = crate::checks::get_tickers(&state)
        .await
        .expect("a price")
        .price_usd_cents;
    let handle = orders::create_order(&state, amount_cents, Some(price))
        .await
        .expect("order created")
        .handle;

    let token = sandbox.issue_captcha_token();
    orders::send_phone_code(&state, &handle, PHONE, false, &token)
        .await
        .unwrap_or_else(|error| panic!("{dialect}: code sent: {error:?}"));
    let code = orders::sandbox_latest_code(&state, Some(PHONE))
        .await
        .expect("outbox")
        .expect("a code");
    orders::verify_phone_code(&state, &handle, PHONE, &code, None)
        .await
        .unwrap_or_else(|error| panic!("{dialect}: phone confirmed: {error:?}"));
    let order = orders::get_order(&state, &handle)
        .await
        .expect("order read");
    assert_eq!(order.step, FlowStep::Payout, "{dialect}: {order:?}");
    assert!(order.phone_verified, "{dialect}");

    orders::submit_payment(&state, &handle, ADDRESS, None, None, None)
        .await
        .unwrap_or_else(|error| panic!("{dialect}: payout: {error:?}"));
    let order = orders::get_order(&state, &handle)
        .await
        .expect("order read");
    assert_eq!(order.step, FlowStep::Photos, "{dialect}: {order:?}");
    // The review's summary, whatever the server echoes: from the app's own record.
    assert_eq!(order.destination.as_deref(), Some(ADDRESS), "{dialect}");
    assert_eq!(
        order.phone_last_digits.as_deref(),
        Some("0000"),
        "{dialect}"
    );
    let quote = order.quote.as_ref().expect("a quote");
    assert!(
        quote.sats > 0 && quote.usd_text.starts_with('$'),
        "{dialect}: {quote:?}"
    );
    let slots: Vec<ImageSlot> = order.required_images.iter().map(|i| i.slot).collect();
    assert_eq!(
        slots,
        vec![ImageSlot::Image1, ImageSlot::Image2],
        "{dialect}"
    );

    let photo = folder.path().join("card.png");
    write_card_photo(&photo);
    for slot in slots {
        upload_photo(&state, &handle, slot, &photo).await;
    }
    let order = orders::get_order(&state, &handle)
        .await
        .expect("order read");
    assert_eq!(order.step, FlowStep::Review, "{dialect}: {order:?}");
    assert!(
        order.required_images.iter().all(|i| i.uploaded),
        "{dialect}"
    );
    orders::submit_for_verification(&state, &handle)
        .await
        .unwrap_or_else(|error| panic!("{dialect}: review: {error:?}"));
    assert_eq!(
        orders::get_order(&state, &handle).await.expect("read").step,
        FlowStep::Status,
        "{dialect}"
    );

    let mut order = decided(&state, &clock, &handle).await;
    let rejected = order.photos_rejected;
    if rejected {
        assert_eq!(order.step, FlowStep::Status, "{dialect}");
        // Whatever the dialect said about why, the person sees it.
        let said: usize = order
            .required_images
            .iter()
            .map(|i| i.feedback.len())
            .sum::<usize>()
            + order.general_feedback.len();
        if dialect != Dialect::Reference {
            assert!(said > 0, "{dialect}: the reasons are shown: {order:?}");
        }
        let retaken = folder.path().join("retaken.png");
        write_card_photo(&retaken);
        upload_photo(&state, &handle, ImageSlot::Image2, &retaken).await;
        orders::submit_for_verification(&state, &handle)
            .await
            .unwrap_or_else(|error| panic!("{dialect}: review again: {error:?}"));
        order = decided(&state, &clock, &handle).await;
    }
    assert!(
        order.is_final && !order.photos_rejected,
        "{dialect}: {order:?}"
    );
    assert_eq!(order.step, FlowStep::Status, "{dialect}");
    (order, rejected)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approved_in_every_dialect() {
    for dialect in Dialect::ALL {
        let (order, rejected) = journey(dialect, APPROVED).await;
        assert!(!rejected, "{dialect}");
        // Approval names the amount, where it went and its dollars, whatever the server echoes.
        let payout = order.payout.as_ref().expect("the payout is shown");
        assert_eq!(
            payout.sats,
            order.quote.as_ref().expect("quote").sats,
            "{dialect}"
        );
        assert_eq!(payout.destination.text, ADDRESS, "{dialect}");
        assert_eq!(payout.usd_text, "$55.00", "{dialect}: {payout:?}");
        assert_eq!(order.server_destination_differs, None, "{dialect}");
        assert!(
            ["approved", "completed"].contains(&order.status.as_str()),
            "{dialect}: {}",
            order.status
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rejected_then_replaced_then_approved_in_every_dialect() {
    for dialect in Dialect::ALL {
        let (_, rejected) = journey(dialect, REJECTED_ONCE).await;
        assert!(
            rejected,
            "{dialect}: the sandbox turns this amount down once"
        );
    }
}

/// Amounts whose cents end in 66 are paid elsewhere by the sandbox (README: magic values).
const PAID_ELSEWHERE: u64 = 5566;
const OTHER_ADDRESS: &str = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_payout_named_elsewhere_is_flagged_and_the_sent_address_stays() {
    let (order, _) = journey(Dialect::Extended, PAID_ELSEWHERE).await;
    assert_eq!(
        order.server_destination_differs.as_deref(),
        Some(OTHER_ADDRESS)
    );
    assert_eq!(order.destination.as_deref(), Some(ADDRESS));
    // The reference echoes no destination: nothing to compare, nothing flagged.
    let (order, _) = journey(Dialect::Reference, PAID_ELSEWHERE).await;
    assert_eq!(order.server_destination_differs, None);
    assert_eq!(order.payout.expect("payout").destination.text, ADDRESS);
}

//! The gap rule: which index the next order gets, and whether a wallet restored from seed would
//! still find every payout.

use std::collections::BTreeSet;

use cardcoins_wallet::{
    AddressLedger, GapStatus, IndexState, DEFAULT_GAP_LIMIT, GAP_WARNING_MARGIN,
};

#[test]
fn nothing_recorded_starts_at_zero() {
    let ledger = AddressLedger::new();
    assert_eq!(ledger.next_index(), 0);
    assert_eq!(ledger.state(0), None);
    assert_eq!(ledger.gap_status(DEFAULT_GAP_LIMIT), GapStatus::Clear);
}

#[test]
fn a_held_index_is_skipped() {
    let mut ledger = AddressLedger::new();
    assert_eq!(ledger.take_next(), 0);
    assert_eq!(ledger.state(0), Some(IndexState::Held));
    assert_eq!(ledger.next_index(), 1);
    assert!(!ledger.hold(0), "already held");
}

#[test]
fn a_released_index_is_given_again_first() {
    let mut ledger = AddressLedger::new();
    ledger.take_next();
    ledger.release(0);
    assert_eq!(ledger.next_index(), 0);

    for _ in 0..4 {
        ledger.take_next();
    }
    ledger.release(2);
    ledger.release(1);
    assert_eq!(ledger.take_next(), 1);
    assert_eq!(ledger.take_next(), 2);
    assert_eq!(ledger.take_next(), 4);
}

#[test]
fn a_paid_index_is_never_given_again() {
    let mut ledger = AddressLedger::new();
    ledger.take_next();
    ledger.mark_paid(0);
    ledger.release(0);
    assert_eq!(ledger.state(0), Some(IndexState::Paid));
    assert!(!ledger.hold(0));
    assert_eq!(ledger.next_index(), 1);
    ledger.take_next();
    ledger.release(1);
    assert_eq!(ledger.next_index(), 1);
}

#[test]
fn an_index_with_chain_history_is_skipped() {
    let mut ledger = AddressLedger::new();
    ledger.take_next();
    ledger.mark_chain_history(1);
    assert_eq!(ledger.next_index(), 2);
    // Found beyond the next index, it is skipped when the next index gets there.
    ledger.mark_chain_history(3);
    assert_eq!(ledger.take_next(), 2);
    assert_eq!(ledger.take_next(), 4);
}

#[test]
fn rebuilding_from_orders_keeps_the_strongest_state() {
    // Index 3 was released by one order, then given to another still in flight; index 1 was
    // paid, then (wrongly) also recorded as released.
    let records = [
        (3, IndexState::Held),
        (3, IndexState::Released),
        (1, IndexState::Released),
        (1, IndexState::Paid),
        (0, IndexState::Held),
        (2, IndexState::Released),
    ];
    let ledger: AddressLedger = records.into_iter().collect();
    assert_eq!(ledger.state(3), Some(IndexState::Held));
    assert_eq!(ledger.state(1), Some(IndexState::Paid));
    assert_eq!(ledger.next_index(), 2);
    assert_eq!(ledger.held(), 2);
    let reversed: AddressLedger = records.into_iter().rev().collect();
    assert_eq!(reversed, ledger);
}

#[test]
fn the_gap_counts_unpaid_indexes_since_the_last_paid_one() {
    let mut ledger = AddressLedger::new();
    assert_eq!(ledger.gap_before(5), 5);
    ledger.mark_paid(3);
    assert_eq!(ledger.gap_before(3), 3);
    assert_eq!(ledger.gap_before(4), 0);
    assert_eq!(ledger.gap_before(10), 6);
    ledger.mark_paid(12);
    assert_eq!(
        ledger.gap_before(10),
        6,
        "a later payout does not help an earlier index"
    );
    assert_eq!(ledger.gap_before(13), 0);
}

#[test]
fn gap_warning_thresholds() {
    let limit = DEFAULT_GAP_LIMIT;
    let mut ledger = AddressLedger::new();
    let close_from = limit - GAP_WARNING_MARGIN;
    for held in 0..=limit {
        let expected = if held < close_from {
            GapStatus::Clear
        } else if held < limit {
            GapStatus::Close
        } else {
            GapStatus::Beyond
        };
        assert_eq!(ledger.gap_before(ledger.next_index()), held);
        assert_eq!(ledger.gap_status(limit), expected, "{held} in flight");
        assert_eq!(ledger.gap_warning(limit), expected != GapStatus::Clear);
        ledger.take_next();
    }

    // A payout closes the gap; a release lets the next order reuse an index below the gap.
    let mut ledger = AddressLedger::new();
    for _ in 0..16 {
        ledger.take_next();
    }
    assert!(ledger.gap_warning(limit));
    ledger.mark_paid(10);
    assert_eq!(ledger.gap_before(16), 5);
    assert!(!ledger.gap_warning(limit));
    ledger.release(2);
    assert_eq!(ledger.next_index(), 2);
    assert_eq!(ledger.gap_before(2), 2);

    // A tiny gap limit is always close.
    assert!(AddressLedger::new().gap_warning(GAP_WARNING_MARGIN));
}

/// Orders come and go; each ends paid or not. As long as fewer than the gap limit are in flight
/// at once, a wallet restored from seed, scanning until `gap_limit` unused addresses in a row,
/// finds every paid index.
#[test]
fn a_restored_wallet_finds_every_payout() {
    let gap_limit = DEFAULT_GAP_LIMIT;
    let mut random = 0x2545_f491_4f6c_dd1d_u64;
    let mut next_random = move |below: u64| {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        random % below
    };
    let mut ledger = AddressLedger::new();
    let mut in_flight: Vec<u32> = Vec::new();
    let mut paid = BTreeSet::new();
    let mut handed_out = 0;
    for _ in 0..5_000 {
        let room = (in_flight.len() as u32) < gap_limit - 1;
        if room && (in_flight.is_empty() || next_random(2) == 0) {
            let index = ledger.take_next();
            assert!(ledger.gap_before(index) < gap_limit);
            in_flight.push(index);
            handed_out += 1;
        } else {
            let index = in_flight.swap_remove(next_random(in_flight.len() as u64) as usize);
            if next_random(3) == 0 {
                ledger.mark_paid(index);
                paid.insert(index);
            } else {
                ledger.release(index);
            }
        }
    }
    assert!(paid.len() > 100 && handed_out > 2_000);
    assert_eq!(restore_scan(&paid, gap_limit), paid);
}

/// The other way round: with as many orders in flight as the gap limit, the next index is
/// beyond it, and if only that order pays, the restored wallet stops before it.
#[test]
fn past_the_gap_limit_a_payout_is_missed() {
    let gap_limit = DEFAULT_GAP_LIMIT;
    let mut ledger = AddressLedger::new();
    for _ in 0..gap_limit {
        ledger.take_next();
    }
    assert_eq!(ledger.gap_status(gap_limit), GapStatus::Beyond);
    let last = ledger.take_next();
    ledger.mark_paid(last);
    for index in 0..last {
        ledger.release(index);
    }
    assert!(restore_scan(&BTreeSet::from([last]), gap_limit).is_empty());
}

/// What a restored wallet sees: used addresses until `gap_limit` unused ones in a row.
fn restore_scan(used: &BTreeSet<u32>, gap_limit: u32) -> BTreeSet<u32> {
    let mut found = BTreeSet::new();
    let mut unused_in_a_row = 0;
    let mut index = 0;
    while unused_in_a_row < gap_limit {
        if used.contains(&index) {
            found.insert(index);
            unused_in_a_row = 0;
        } else {
            unused_in_a_row += 1;
        }
        index += 1;
    }
    found
}

#[test]
fn it_saves_as_a_map_of_states() {
    let mut ledger = AddressLedger::new();
    ledger.take_next();
    ledger.take_next();
    ledger.mark_paid(0);
    ledger.release(1);
    ledger.take_next();
    ledger.mark_chain_history(4);
    let json = serde_json::to_string(&ledger).unwrap();
    assert_eq!(json, r#"{"0":"paid","1":"held","4":"paid"}"#);
    assert_eq!(
        serde_json::from_str::<AddressLedger>(&json).unwrap(),
        ledger
    );
    assert_eq!(
        ledger.iter().collect::<Vec<_>>(),
        [
            (0, IndexState::Paid),
            (1, IndexState::Held),
            (4, IndexState::Paid)
        ]
    );
}

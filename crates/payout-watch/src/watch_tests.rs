//! The watch's state machine, driven by observations built from address histories.

use std::str::FromStr;

use bitcoin::{Address, Txid};
use serde_json::json;
use time::OffsetDateTime;

use crate::chain_tx::{ChainTx, TxOutput, TxStatus};
use crate::event::WatchEvent;
use crate::observation::Observation;
use crate::target::PayoutTarget;
use crate::watch::{PayoutWatch, WatchState};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
const OTHER_ADDRESS: &str = "12c6DSiU4Rq3P4ZxziKxzrL5LmMBrzjrJX";
const SATS: u64 = 83_523;
const CREATED: i64 = 1_700_000_000;
const TIP: u32 = 880_000;

fn txid(byte: u8) -> Txid {
    Txid::from_str(&format!("{byte:02x}").repeat(32)).expect("txid")
}

fn at(seconds_after_creation: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(CREATED + seconds_after_creation).expect("time")
}

fn target() -> PayoutTarget {
    PayoutTarget::new(ADDRESS, SATS, at(0)).expect("target")
}

fn paying(id: u8, to: &str, sats: u64, status: TxStatus) -> ChainTx {
    let address: Address = to.parse::<Address<_>>().expect("address").assume_checked();
    let stranger: Address = OTHER_ADDRESS
        .parse::<Address<_>>()
        .expect("address")
        .assume_checked();
    ChainTx {
        txid: txid(id),
        outputs: vec![
            TxOutput {
                script_pubkey: Some(stranger.script_pubkey()),
                address: Some(OTHER_ADDRESS.to_string()),
                value: Some(500_000),
            },
            TxOutput {
                script_pubkey: None,
                address: Some(address.to_string()),
                value: Some(sats),
            },
        ],
        status,
    }
}

fn unconfirmed(id: u8) -> ChainTx {
    paying(id, ADDRESS, SATS, TxStatus::Unconfirmed)
}

fn confirmed_in(id: u8, block_height: u32, seconds_after_creation: i64) -> ChainTx {
    paying(
        id,
        ADDRESS,
        SATS,
        TxStatus::Confirmed {
            block_height,
            block_time: at(seconds_after_creation),
        },
    )
}

fn look(watch: &mut PayoutWatch, history: &[ChainTx], tip: u32) -> Vec<WatchEvent> {
    let observation = Observation::from_history(watch.target(), history, tip, at(60));
    watch.observe(&observation)
}

#[test]
fn every_state_from_waiting_through_a_replacement_to_done() {
    let mut watch = PayoutWatch::new(target());
    assert_eq!(watch.state(), &WatchState::Waiting);
    assert!(look(&mut watch, &[], TIP).is_empty());
    assert_eq!(watch.state(), &WatchState::Waiting);

    let events = look(&mut watch, &[unconfirmed(0xa1)], TIP);
    assert_eq!(events, vec![WatchEvent::Seen { txid: txid(0xa1) }]);
    assert!(matches!(watch.state(), WatchState::Seen { txid, .. } if *txid == self::txid(0xa1)));
    assert!(look(&mut watch, &[unconfirmed(0xa1)], TIP).is_empty());

    let events = look(&mut watch, &[unconfirmed(0xb2)], TIP);
    assert_eq!(
        events,
        vec![WatchEvent::Replaced {
            old_txid: txid(0xa1),
            new_txid: txid(0xb2)
        }]
    );
    assert_eq!(
        watch.state(),
        &WatchState::Replaced {
            old_txid: txid(0xa1),
            new_txid: txid(0xb2)
        }
    );
    assert!(look(&mut watch, &[unconfirmed(0xb2)], TIP).is_empty());

    let events = look(&mut watch, &[confirmed_in(0xb2, TIP + 1, 600)], TIP + 1);
    assert_eq!(
        events,
        vec![WatchEvent::Confirmed {
            txid: txid(0xb2),
            confirmations: 1
        }]
    );

    // A second confirmation is no news worth a notification.
    assert!(look(&mut watch, &[confirmed_in(0xb2, TIP + 1, 600)], TIP + 2).is_empty());
    assert_eq!(
        watch.state(),
        &WatchState::Confirmed {
            txid: txid(0xb2),
            confirmations: 2
        }
    );

    let events = look(&mut watch, &[confirmed_in(0xb2, TIP + 1, 600)], TIP + 3);
    assert_eq!(
        events,
        vec![WatchEvent::Done {
            txid: txid(0xb2),
            block_height: TIP + 1
        }]
    );
    assert!(watch.is_done());
    assert_eq!(watch.next_poll_delay(), None);
    assert!(look(&mut watch, &[], TIP + 10).is_empty());
    assert!(watch.is_done());
}

#[test]
fn an_earlier_payment_to_a_reused_address_is_ignored_even_for_the_same_amount() {
    let mut watch = PayoutWatch::new(target());
    let thirty_days = 30 * 24 * 60 * 60;
    let history = [
        confirmed_in(0x01, TIP - 4320, -thirty_days),
        paying(
            0x02,
            ADDRESS,
            12_345,
            TxStatus::Confirmed {
                block_height: TIP - 4000,
                block_time: at(-thirty_days + 3600),
            },
        ),
    ];
    assert!(look(&mut watch, &history, TIP).is_empty());
    assert_eq!(watch.state(), &WatchState::Waiting);
}

#[test]
fn a_different_amount_or_another_address_is_not_the_payout() {
    let mut watch = PayoutWatch::new(target());
    let history = [
        paying(0x03, ADDRESS, SATS - 1, TxStatus::Unconfirmed),
        paying(0x04, ADDRESS, SATS + 1, TxStatus::Unconfirmed),
        paying(0x05, OTHER_ADDRESS, SATS, TxStatus::Unconfirmed),
    ];
    assert!(look(&mut watch, &history, TIP).is_empty());
    assert_eq!(watch.state(), &WatchState::Waiting);
}

#[test]
fn a_block_a_little_older_than_the_order_still_counts() {
    let mut watch = PayoutWatch::new(target());
    let events = look(&mut watch, &[confirmed_in(0x06, TIP, -20 * 60)], TIP);
    assert_eq!(
        events,
        vec![WatchEvent::Confirmed {
            txid: txid(0x06),
            confirmations: 1
        }]
    );
}

#[test]
fn when_both_batches_show_the_newest_unconfirmed_and_then_the_confirmed_wins() {
    let mut watch = PayoutWatch::new(target());
    look(&mut watch, &[unconfirmed(0xa1)], TIP);
    // Esplora lists unconfirmed transactions newest first.
    let events = look(&mut watch, &[unconfirmed(0xb2), unconfirmed(0xa1)], TIP);
    assert_eq!(
        events,
        vec![WatchEvent::Replaced {
            old_txid: txid(0xa1),
            new_txid: txid(0xb2)
        }]
    );
    let events = look(
        &mut watch,
        &[unconfirmed(0xa1), confirmed_in(0xb2, TIP + 1, 600)],
        TIP + 1,
    );
    assert_eq!(
        events,
        vec![WatchEvent::Confirmed {
            txid: txid(0xb2),
            confirmations: 1
        }]
    );
}

#[test]
fn a_replacement_found_already_confirmed_is_reported_as_both() {
    let mut watch = PayoutWatch::new(target());
    look(&mut watch, &[unconfirmed(0xa1)], TIP);
    let events = look(&mut watch, &[confirmed_in(0xb2, TIP + 1, 600)], TIP + 1);
    assert_eq!(
        events,
        vec![
            WatchEvent::Replaced {
                old_txid: txid(0xa1),
                new_txid: txid(0xb2)
            },
            WatchEvent::Confirmed {
                txid: txid(0xb2),
                confirmations: 1
            }
        ]
    );
}

#[test]
fn a_payout_found_late_goes_straight_to_done() {
    let mut watch = PayoutWatch::new(target());
    let events = look(&mut watch, &[confirmed_in(0xb2, TIP, 600)], TIP + 5);
    assert_eq!(
        events,
        vec![WatchEvent::Done {
            txid: txid(0xb2),
            block_height: TIP
        }]
    );
}

#[test]
fn a_transaction_that_vanishes_keeps_the_state_until_its_replacement_shows() {
    let mut watch = PayoutWatch::new(target());
    look(&mut watch, &[unconfirmed(0xa1)], TIP);
    let seen = watch.state().clone();
    assert!(look(&mut watch, &[], TIP).is_empty());
    assert_eq!(watch.state(), &seen);
}

#[test]
fn a_tip_behind_the_block_counts_one_confirmation() {
    let mut watch = PayoutWatch::new(target());
    let events = look(&mut watch, &[confirmed_in(0xb2, TIP + 1, 600)], TIP);
    assert_eq!(
        events,
        vec![WatchEvent::Confirmed {
            txid: txid(0xb2),
            confirmations: 1
        }]
    );
}

#[test]
fn an_observation_clears_the_failures() {
    let mut watch = PayoutWatch::new(target());
    watch.record_failure();
    watch.record_failure();
    assert_eq!(watch.failures(), 2);
    look(&mut watch, &[], TIP);
    assert_eq!(watch.failures(), 0);
    assert_eq!(watch.last_checked_at(), Some(at(60)));
}

#[test]
fn the_watch_is_saved_as_plain_json_and_read_back() {
    let mut watch = PayoutWatch::new(target());
    let waiting = serde_json::to_value(&watch).expect("json");
    assert_eq!(
        waiting,
        json!({
            "target": {"address": ADDRESS, "sats": SATS, "created_at": "2023-11-14T22:13:20Z"},
            "state": {"state": "waiting"},
            "failures": 0,
            "last_checked_at": null,
        })
    );
    look(&mut watch, &[unconfirmed(0xa1)], TIP);
    let seen = serde_json::to_value(&watch).expect("json");
    assert_eq!(
        seen["state"],
        json!({"state": "seen", "txid": "a1".repeat(32), "first_seen_at": "2023-11-14T22:14:20Z"})
    );
    let states = [
        WatchState::Replaced {
            old_txid: txid(1),
            new_txid: txid(2),
        },
        WatchState::Confirmed {
            txid: txid(2),
            confirmations: 1,
        },
        WatchState::Done {
            txid: txid(2),
            block_height: TIP,
        },
    ];
    for state in states {
        let text = serde_json::to_string(&state).expect("json");
        let back: WatchState = serde_json::from_str(&text).expect("read back");
        assert_eq!(back, state, "{text}");
    }
    let text = serde_json::to_string(&watch).expect("json");
    assert_eq!(serde_json::from_str::<PayoutWatch>(&text).ok(), Some(watch));
    assert!(serde_json::from_value::<PayoutWatch>(json!({
        "target": {"address": "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "sats": 1, "created_at": "2023-11-14T22:13:20Z"},
        "state": {"state": "waiting"}
    }))
    .is_err());
}

#[test]
fn a_replacement_names_the_transaction_that_pays_now() {
    let replaced = WatchEvent::Replaced {
        old_txid: txid(0xa1),
        new_txid: txid(0xb2),
    };
    assert_eq!(replaced.txid(), &txid(0xb2));
}

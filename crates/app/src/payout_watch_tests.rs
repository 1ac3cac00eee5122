//! The payout watch through the functions the background task runs, against a sandbox's chain
//! on a manual clock: every state (with the replacement) down to done, a restart on the way,
//! the setting turned off, and the chain's faults.

use std::path::Path;
use std::time::{Duration, Instant};

use cardcoins_api::{OrderDetails, Payout, SubmittedDestination};
use cardcoins_core::{Cents, ErrorCode, FlowStep, ImageSlot, OrderStatus, Sats};
use cardcoins_payout_watch::WatchState;
use cardcoins_records::OrderFacts;
use cardcoins_sandbox::{ChainFault, Clock, ManualClock, Sandbox, SandboxConfig, SandboxHandle};
use cardcoins_vault::OrderRecord;

use crate::flow_tests::{order_at_photos, practice_in, upload_photo, write_card_photo, ADDRESS};
use crate::order_views::OrderView;
use crate::orders;
use crate::payout_views::{lightning_paid, PayoutProblem, PayoutWatchStateName, PayoutWatchView};
use crate::payout_watch::{
    check_settings, watch_for, Watcher, PROBLEM_UNREACHABLE, PROBLEM_UNREADABLE,
};
use crate::settings::Settings;
use crate::state::{AppState, StartOptions};

const SEEN: &str = "Payment seen";
const REPLACED: &str = "Payment replaced by a bigger batch";
const CONFIRMED: &str = "Payment confirmed";
const DONE: &str = "Payment complete";

/// An order taken through every step to approval, paid to [`ADDRESS`] on-chain.
async fn approved_order(
    state: &AppState,
    sandbox: &SandboxHandle,
    clock: &ManualClock,
    folder: &Path,
) -> String {
    let handle = order_at_photos(state, sandbox, 5500).await;
    let photo = folder.join("card.png");
    write_card_photo(&photo);
    for slot in [ImageSlot::Image1, ImageSlot::Image2] {
        upload_photo(state, &handle, slot, &photo).await;
    }
    orders::submit_for_verification(state, &handle)
        .await
        .expect("review");
    clock.advance(SandboxConfig::default().decision_delay);
    let order = orders::get_order(state, &handle).await.expect("read");
    assert_eq!(order.status, "approved", "{order:?}");
    assert_eq!(order.step, FlowStep::Status);
    handle
}

fn watch_on(state: &AppState, on: bool) {
    state
        .replace_settings(Settings {
            payout_watch: on,
            ..state.settings()
        })
        .expect("settings saved");
}

async fn saved(state: &AppState, handle: &str) -> OrderRecord {
    let handle = handle.to_string();
    state.vault(move |v| v.get(&handle)).await.expect("record")
}

/// The watch as the order view shows it, from the vault alone (after a restart without a
/// keyring the order ID is gone, but the watch needs none).
async fn saved_view(state: &AppState, handle: &str) -> PayoutWatchView {
    let handle = handle.to_string();
    let record = state.vault(move |v| v.get(&handle)).await.expect("record");
    let watch = record.payout_watch.as_ref().expect("a watch");
    PayoutWatchView::new(watch, true, record.payout_problem.clone())
}

fn watch_state(order: &OrderView) -> PayoutWatchStateName {
    order.payout_watch.as_ref().expect("a watch").state
}

/// A round as if the last poll was long ago: the schedule is tested in the crate.
struct Rounds {
    watcher: Watcher,
    now: Instant,
}

impl Rounds {
    fn new() -> Rounds {
        Rounds {
            watcher: Watcher::default(),
            now: Instant::now(),
        }
    }

    async fn run(&mut self, state: &AppState) -> Vec<String> {
        self.now += Duration::from_secs(3600);
        let round = self.watcher.round(state, self.now).await;
        round
            .announcements
            .into_iter()
            .map(|announcement| {
                assert!(
                    !announcement.body.contains(ADDRESS),
                    "no address in a notification"
                );
                // The notification names the app, then the step as the timeline does.
                announcement
                    .title
                    .strip_prefix("CardCoins: ")
                    .unwrap_or_else(|| panic!("{} names the app first", announcement.title))
                    .to_string()
            })
            .collect()
    }
}

/// The app on its own server's address (a sandbox it did not start, which outlives it), as a
/// person with their own Esplora server would have it.
async fn own_server_app(folder: &Path, chain: &SandboxHandle) -> AppState {
    let state = AppState::start(StartOptions {
        data_dir: folder.join("data"),
        config_dir: Some(folder.join("config")),
        sandbox_flag: false,
        persist_sandbox: false,
        keyring_service: format!("co.cardcoins.desktop.test.payout.{}", std::process::id()),
        sandbox_dialect: None,
        sandbox_clock: None,
        shell: std::sync::Arc::new(crate::shell::RecordingShell::default()),
    })
    .await
    .expect("the app starts");
    state
        .replace_settings(Settings {
            base_url: chain.api_base_url().to_string(),
            payout_watch: true,
            esplora_url: Some(chain.esplora_base_url().to_string()),
            ..state.settings()
        })
        .expect("settings saved");
    state
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_payout_is_followed_through_its_replacement_to_done_across_a_restart() {
    let folder = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::starting_now();
    let chain = Sandbox::start(SandboxConfig {
        clock: Clock::from(&clock),
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox starts");
    let mut state = own_server_app(folder.path(), &chain).await;
    let handle = approved_order(&state, &chain, &clock, folder.path()).await;

    let mut rounds = Rounds::new();
    let mut titles = Vec::new();
    let mut states = Vec::new();
    let mut restarted = false;
    for _ in 0..120 {
        titles.extend(rounds.run(&state).await);
        let now = saved_view(&state, &handle).await.state;
        if states.last() != Some(&now) {
            states.push(now);
        }
        if now == PayoutWatchStateName::Done {
            break;
        }
        if now == PayoutWatchStateName::Replaced && !restarted {
            // Closed and opened again: the watch goes on from what was saved.
            drop(state);
            state = AppState::start(StartOptions {
                data_dir: folder.path().join("data"),
                config_dir: Some(folder.path().join("config")),
                sandbox_flag: false,
                persist_sandbox: false,
                keyring_service: format!("co.cardcoins.desktop.test.payout.{}", std::process::id()),
                sandbox_dialect: None,
                sandbox_clock: None,
                shell: std::sync::Arc::new(crate::shell::RecordingShell::default()),
            })
            .await
            .expect("the app starts again");
            assert!(state.settings().payout_watch, "the setting was saved");
            let record = {
                let handle = handle.clone();
                state.vault(move |v| v.get(&handle)).await.expect("record")
            };
            assert!(
                matches!(
                    record.payout_watch.as_ref().map(|w| w.state()),
                    Some(WatchState::Replaced { .. })
                ),
                "the watch was saved: {record:?}"
            );
            rounds = Rounds::new();
            restarted = true;
        }
        clock.advance(Duration::from_secs(1));
    }
    use PayoutWatchStateName::*;
    assert_eq!(states, vec![Waiting, Seen, Replaced, Confirmed, Done]);
    assert_eq!(titles, vec![SEEN, REPLACED, CONFIRMED, DONE]);

    let record = {
        let handle = handle.clone();
        state.vault(move |v| v.get(&handle)).await.expect("record")
    };
    let lines: Vec<&str> = record
        .payout_timeline
        .iter()
        .map(|n| n.title.as_str())
        .collect();
    assert_eq!(lines, titles, "each event is a line in the timeline");
    let watch = saved_view(&state, &handle).await;
    assert_eq!(watch.headline, "3 confirmations: done");
    assert_eq!(watch.confirmations, 3);
    assert!(watch.txid.is_some());

    // The records name the transaction that pays, not the one CardCoins named before the batch
    // was replaced.
    let rows = crate::records::export_rows(&state, false)
        .await
        .expect("rows");
    let paying = rows.iter().find_map(|row| {
        row.payout
            .as_ref()
            .map(|payout| payout.as_str().to_string())
    });
    assert_eq!(paying, watch.txid);
    let first_seen = record.payout_timeline[0].txid.clone();
    assert!(first_seen.is_some());
    assert_ne!(paying, first_seen, "the first batch was replaced");

    // Done: nothing more is asked, whatever the chain does.
    chain.set_chain_fault(Some(ChainFault::Down));
    assert!(rounds.run(&state).await.is_empty());
    assert!(saved_view(&state, &handle).await.problem.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn turned_off_nothing_is_asked_and_faults_keep_the_state_with_a_calm_word() {
    let folder = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::starting_now();
    let state = practice_in(folder.path(), None, Some(&clock)).await;
    let sandbox = state.sandbox().expect("sandbox");
    let handle = approved_order(&state, sandbox, &clock, folder.path()).await;
    let order = orders::get_order(&state, &handle).await.expect("read");
    assert!(order.lightning_paid.is_none());
    assert!(order.payout_timeline.is_empty());
    let watch = order.payout_watch.expect("a watch is kept from approval");
    assert!(!watch.on, "the setting is off by default");
    assert_eq!(watch.state, PayoutWatchStateName::Waiting);

    // Off: the chain is not asked (a down chain would leave a problem behind).
    sandbox.set_chain_fault(Some(ChainFault::Down));
    clock.advance(Duration::from_secs(3));
    let mut rounds = Rounds::new();
    assert!(rounds.run(&state).await.is_empty());
    let record = {
        let handle = handle.clone();
        state.vault(move |v| v.get(&handle)).await.expect("record")
    };
    let watch = record.payout_watch.as_ref().expect("watch");
    assert_eq!(watch.last_checked_at(), None, "never asked");
    assert_eq!(watch.failures(), 0);
    assert_eq!(record.payout_problem, None);

    // On, with the chain down: the state stays, the problem is shown, the watch backs off.
    watch_on(&state, true);
    assert!(rounds.run(&state).await.is_empty());
    let order = orders::get_order(&state, &handle).await.expect("read");
    let watch = order.payout_watch.expect("watch");
    assert!(watch.on);
    assert_eq!(watch.state, PayoutWatchStateName::Waiting);
    assert_eq!(watch.problem, Some(PayoutProblem::Unreachable));
    assert_eq!(
        saved(&state, &handle).await.payout_problem.as_deref(),
        Some(PROBLEM_UNREACHABLE)
    );

    sandbox.set_chain_fault(Some(ChainFault::Nonsense));
    assert!(rounds.run(&state).await.is_empty());
    let order = orders::get_order(&state, &handle).await.expect("read");
    let watch = order.payout_watch.expect("watch");
    assert_eq!(watch.state, PayoutWatchStateName::Waiting);
    assert_eq!(watch.problem, Some(PayoutProblem::Unreadable));
    assert_eq!(
        saved(&state, &handle).await.payout_problem.as_deref(),
        Some(PROBLEM_UNREADABLE)
    );
    let record = {
        let handle = handle.clone();
        state.vault(move |v| v.get(&handle)).await.expect("record")
    };
    assert_eq!(record.payout_watch.expect("watch").failures(), 2);

    // The fault clears: the payout is found and the problem goes.
    sandbox.set_chain_fault(None);
    assert_eq!(rounds.run(&state).await, vec![SEEN.to_string()]);
    let order = orders::get_order(&state, &handle).await.expect("read");
    let watch = order.payout_watch.expect("watch");
    assert_eq!(watch.state, PayoutWatchStateName::Seen);
    assert_eq!(watch.problem, None);
    assert!(watch.detail.contains("bigger batch"));

    // Off again: the watch stays where it was.
    watch_on(&state, false);
    clock.advance(Duration::from_secs(60));
    assert!(rounds.run(&state).await.is_empty());
    let order = orders::get_order(&state, &handle).await.expect("read");
    assert_eq!(watch_state(&order), PayoutWatchStateName::Seen);
}

/// What the watch is given for `details` when this computer kept nothing of the order.
fn facts(details: &OrderDetails) -> OrderFacts {
    let record = OrderRecord::new("h".into(), details.amount, time::OffsetDateTime::UNIX_EPOCH);
    OrderFacts::new(&record, Some(details))
}

fn details(
    status: OrderStatus,
    destination: SubmittedDestination,
    payout: Option<Payout>,
) -> OrderDetails {
    OrderDetails {
        status,
        amount: Cents::new(5500),
        sats: Sats::new(83_523),
        price_usd: Cents::new(6_585_000),
        created_at: None,
        quote_updated_at: None,
        phone_verified: Some(true),
        name_required: None,
        destination: Some(destination),
        required_images: Vec::new(),
        images_listed_by_server: false,
        image_feedback: Vec::new(),
        general_feedback: Vec::new(),
        payout,
    }
}

#[test]
fn only_approved_address_payouts_are_watched_and_lightning_shows_its_hash() {
    let created = time::OffsetDateTime::UNIX_EPOCH;
    let onchain = SubmittedDestination::Address(ADDRESS.into());
    let sent = Payout {
        sats: Some(Sats::new(80_000)),
        destination: None,
        txid: Some("ab".repeat(32)),
        payment_hash: None,
        sent_at: None,
    };
    let watch = watch_for(
        &facts(&details(
            OrderStatus::Approved,
            onchain.clone(),
            Some(sent.clone()),
        )),
        created,
    )
    .expect("watched");
    assert_eq!(watch.target().sats(), 80_000, "the payout's own amount");
    assert_eq!(watch.target().created_at(), created);
    assert!(watch_for(
        &facts(&details(OrderStatus::Processing, onchain.clone(), None)),
        created
    )
    .is_none());
    assert!(
        watch_for(
            &facts(&details(
                OrderStatus::Approved,
                SubmittedDestination::Address("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx".into()),
                None
            )),
            created
        )
        .is_none(),
        "a testnet address is not watched on mainnet's server"
    );
    let approved_onchain = details(OrderStatus::Approved, onchain, Some(sent));
    assert!(lightning_paid(&approved_onchain, &facts(&approved_onchain)).is_none());

    let invoice = SubmittedDestination::LnInvoice("lnbc1xyz".into());
    let paid = Payout {
        sats: None,
        destination: None,
        txid: None,
        payment_hash: Some("cd".repeat(32)),
        sent_at: Some(created),
    };
    let approved = details(OrderStatus::Completed, invoice, Some(paid));
    assert!(
        watch_for(&facts(&approved), created).is_none(),
        "nothing to watch"
    );
    let shown = lightning_paid(&approved, &facts(&approved)).expect("lightning shown");
    assert_eq!(shown.payment_hash, Some("cd".repeat(32)));
    assert_eq!(shown.sent_at.as_deref(), Some("1970-01-01T00:00:00Z"));
}

#[test]
fn a_payout_server_the_watch_cannot_use_is_refused_when_saving() {
    let remote_http = Settings {
        payout_watch: true,
        esplora_url: Some("http://esplora.example.com/api".into()),
        ..Settings::default()
    };
    let error = check_settings(&remote_http, false).expect_err("plain http to another machine");
    assert_eq!(error.code, ErrorCode::InvalidSettings);
    assert!(
        check_settings(&remote_http, true).is_ok(),
        "practising uses the practice chain"
    );
    let off = Settings {
        payout_watch: false,
        ..remote_http.clone()
    };
    assert!(check_settings(&off, false).is_ok(), "unused while off");
    let public = Settings {
        payout_watch: true,
        esplora_url: Some("  ".into()),
        ..Settings::default()
    };
    assert!(
        check_settings(&public, false).is_ok(),
        "empty is the public server"
    );
}

#[test]
fn a_problem_kept_in_words_by_an_older_version_reads_as_the_passing_kind() {
    let older = "The payout server did not answer; the watch will try again in a while.";
    assert_eq!(PayoutProblem::from_kept(older), PayoutProblem::Unreachable);
    assert_eq!(
        PayoutProblem::from_kept(PROBLEM_UNREADABLE),
        PayoutProblem::Unreadable
    );
}

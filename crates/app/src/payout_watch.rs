//! The on-chain payout watch, while the setting is on: every approved order paid to an address
//! is followed on an Esplora server (the sandbox's chain when practising) until it has three
//! confirmations. Each change is a desktop notification and a line in the order's timeline; the
//! watch is saved with the order after every poll, so it survives restarts.
//!
//! Logs never name the address, a txid or the order: only states and error kinds.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use cardcoins_core::{ErrorCode, OrderStatus, Reason};
use cardcoins_payout_watch::{
    poll_once, EsploraClient, PayoutTarget, PayoutWatch, WatchError, DEFAULT_ESPLORA_URL,
};
use cardcoins_records::OrderFacts;
use cardcoins_sandbox::SandboxHandle;
use cardcoins_vault::PayoutNote;
use time::OffsetDateTime;

use crate::error::AppError;
use crate::settings::Settings;
use crate::startup::Startup;
use crate::state::AppState;

/// How often the setting is looked at while nothing is due.
const IDLE: Duration = Duration::from_secs(10);
/// The practice chain moves in seconds: it is followed closely.
const PRACTICE_LONGEST: Duration = Duration::from_secs(2);

/// Kept on the order while the server does not answer (the vault's `payout_problem`).
pub const PROBLEM_UNREACHABLE: &str = "unreachable";
/// Kept on the order while the server's answers make no sense.
pub const PROBLEM_UNREADABLE: &str = "unreadable";

/// One change to tell the person about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    pub handle: String,
    pub title: String,
    pub body: String,
}

/// The watch an approved order paid to an address needs, if any: the address the seller sent
/// (else the one the server names) and the amount paid, counted from the order's creation.
pub fn watch_for(facts: &OrderFacts, created_at: OffsetDateTime) -> Option<PayoutWatch> {
    if !facts.approved {
        return None;
    }
    let destination = facts.destination.as_ref().filter(|d| !d.lightning)?;
    let sats = facts.paid_sats?;
    match PayoutTarget::new(&destination.text, sats.get(), created_at) {
        Ok(target) => Some(PayoutWatch::new(target)),
        Err(_) => {
            tracing::info!("the payout's address or amount cannot be watched");
            None
        }
    }
}

/// The client the settings describe: the sandbox's chain when practising (no proxy: it is on
/// this machine), else the chosen server or a public one, through the proxy.
pub fn esplora_client(
    settings: &Settings,
    sandbox: Option<&SandboxHandle>,
) -> Result<EsploraClient, WatchError> {
    let builder = EsploraClient::builder();
    if let Some(sandbox) = sandbox {
        return builder
            .base_url(sandbox.esplora_base_url().as_str())
            .timeout(Duration::from_secs(10))
            .build();
    }
    let url = settings
        .esplora_url
        .as_deref()
        .map(str::trim)
        .filter(|url| !url.is_empty())
        .unwrap_or(DEFAULT_ESPLORA_URL);
    let mut builder = builder.base_url(url);
    if let Some(proxy) = settings
        .proxy
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        builder = builder.proxy(proxy);
    }
    builder.build()
}

/// Refuses a payout server the watch could not use, when saving the settings.
pub fn check_settings(settings: &Settings, practising: bool) -> Result<(), AppError> {
    if !settings.payout_watch || practising {
        return Ok(());
    }
    esplora_client(settings, None).map(drop).map_err(|error| {
        tracing::warn!(%error, "the payout server cannot be used");
        AppError::because(
            ErrorCode::InvalidSettings,
            Reason::new("reason-payout-server-unusable"),
        )
    })
}

/// The watch's memory within one run: which orders were read for a watch, and when each is due.
#[derive(Default)]
pub struct Watcher {
    read_once: HashSet<String>,
    due: HashMap<String, Instant>,
}

/// What one round did.
pub struct Round {
    pub announcements: Vec<Announcement>,
    /// Orders whose watch changed (state, problem or timeline).
    pub changed: Vec<String>,
    /// When to look again.
    pub sleep: Duration,
}

impl Watcher {
    /// Polls every watch that is due at `now`, if the setting is on. An approved order without a
    /// watch yet is read from the server once per run (which starts its watch when it is paid
    /// on-chain).
    pub async fn round(&mut self, state: &AppState, now: Instant) -> Round {
        let mut round = Round {
            announcements: Vec::new(),
            changed: Vec::new(),
            // The practice chain moves in seconds: an approval is noticed before it is seen.
            sleep: if state.sandbox().is_some() {
                PRACTICE_LONGEST
            } else {
                IDLE
            },
        };
        let settings = state.settings();
        if !settings.payout_watch {
            self.due.clear();
            return round;
        }
        let client = match esplora_client(&settings, state.sandbox()) {
            Ok(client) => client,
            Err(error) => {
                tracing::warn!(transient = error.is_transient(), "payout server unusable");
                return round;
            }
        };
        let records = match state.vault(|vault| Ok(vault.orders())).await {
            Ok(records) => records,
            Err(error) => {
                tracing::warn!(code = %error.code, "could not list orders to watch");
                return round;
            }
        };
        for record in records {
            let accepted = matches!(
                record.last_status,
                OrderStatus::Approved | OrderStatus::Completed
            );
            if !accepted {
                continue;
            }
            let mut watch = match record.payout_watch {
                Some(watch) => watch,
                None => {
                    if self.read_once.insert(record.handle.clone()) {
                        // Starts the watch in the vault when the order is paid on-chain.
                        if let Err(error) = crate::orders::fetch(state, &record.handle).await {
                            tracing::info!(code = %error.code, "order not read for its payout");
                        }
                        round.sleep = Duration::ZERO;
                    }
                    continue;
                }
            };
            if watch.is_done() {
                continue;
            }
            if self.due.get(&record.handle).is_some_and(|due| *due > now) {
                continue;
            }
            let result = poll_once(&client, &mut watch).await;
            let mut asked_pause = None;
            let (events, problem) = match result {
                Ok(events) => (events, None),
                Err(error) => {
                    asked_pause = error.retry_after();
                    tracing::info!(
                        transient = error.is_transient(),
                        failures = watch.failures(),
                        "payout server did not help"
                    );
                    (Vec::new(), Some(problem_text(&error)))
                }
            };
            let at = OffsetDateTime::now_utc();
            let catalog = state.catalog();
            let notes: Vec<PayoutNote> = events
                .iter()
                .map(|event| {
                    let (title, body) = crate::notices::payout_words(&catalog, event);
                    PayoutNote {
                        at,
                        title,
                        body,
                        txid: Some(event.txid().to_string()),
                        event: Some(event.clone()),
                    }
                })
                .collect();
            let changed = !notes.is_empty() || problem != record.payout_problem;
            round.announcements.extend(events.iter().map(|event| {
                let (title, body) = crate::notices::payout_notice(&catalog, event);
                Announcement {
                    handle: record.handle.clone(),
                    title,
                    body,
                }
            }));
            let mut delay = watch.next_poll_delay();
            if state.sandbox().is_some() {
                delay = delay.map(|delay| delay.min(PRACTICE_LONGEST));
            }
            // A server that asked for a longer pause gets it.
            if let Some(pause) = asked_pause {
                delay = delay.map(|delay| delay.max(pause));
            }
            let handle = record.handle.clone();
            let saved = state
                .vault(move |vault| {
                    vault.update(&handle, |record| {
                        record.payout_watch = Some(watch);
                        record.payout_problem = problem;
                        for note in notes {
                            record.note_payout(note);
                        }
                    })
                })
                .await;
            if let Err(error) = saved {
                tracing::warn!(code = %error.code, "payout watch not saved");
            }
            if changed {
                round.changed.push(record.handle.clone());
            }
            match delay {
                Some(delay) => {
                    self.due.insert(record.handle.clone(), now + delay);
                    round.sleep = round.sleep.min(delay);
                }
                None => {
                    self.due.remove(&record.handle);
                }
            }
        }
        round
    }
}

fn problem_text(error: &WatchError) -> String {
    if error.is_transient() {
        PROBLEM_UNREACHABLE.to_string()
    } else {
        PROBLEM_UNREADABLE.to_string()
    }
}

/// Follows payouts for as long as the app runs.
pub async fn run(startup: &Startup) {
    let Ok(state) = startup.ready().await else {
        return;
    };
    let mut watcher = Watcher::default();
    loop {
        let round = watcher.round(state, Instant::now()).await;
        announce(state, &round);
        tokio::time::sleep(round.sleep.max(Duration::from_millis(200))).await;
    }
}

fn announce(state: &AppState, round: &Round) {
    for handle in &round.changed {
        state.shell().payout_watch_changed(handle);
    }
    if !state.settings().notifications {
        return;
    }
    for announcement in &round.announcements {
        state
            .shell()
            .notify(&announcement.title, &announcement.body);
    }
}

//! A bitcoin chain that pays the sandbox's on-chain payouts the way CardCoins does: each approved
//! payout enters the mempool in a batch, is replaced once by a larger batch (RBF), and the
//! replacement confirms, one block at a time. Served as an Esplora subset under `/esplora/api`.
//!
//! The chain is rebuilt from the approved orders, so it needs no saving: after a restart, saved
//! payouts play out again from the restart. What the control routes add (payouts without an
//! order, earlier payments, blocks mined on demand) is not kept.

mod batch;
pub(crate) mod fault;
mod ledger;
mod pace;
pub(crate) mod tx;

use std::sync::{Mutex, MutexGuard, PoisonError};

pub use fault::ChainFault;
pub(crate) use ledger::Ledger;

use crate::clock::EpochMillis;
use crate::config::SandboxConfig;
use crate::order::Destination;
use crate::state::{Shared, Store};
use tx::Payee;

pub(crate) struct ChainBook {
    ledger: Mutex<Ledger>,
    fault: Mutex<Option<ChainFault>>,
}

/// A poisoned lock only means another request panicked mid-update; the chain is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl ChainBook {
    pub fn new(config: &SandboxConfig, now: EpochMillis) -> Self {
        Self {
            ledger: Mutex::new(Ledger::new(pace::ChainPace::from_config(config), now)),
            fault: Mutex::new(None),
        }
    }

    pub fn fault(&self) -> Option<ChainFault> {
        *lock(&self.fault)
    }

    pub fn set_fault(&self, fault: Option<ChainFault>) {
        tracing::info!(?fault, "chain fault injection changed");
        *lock(&self.fault) = fault;
    }
}

/// What the chain needs of an approved on-chain payout. No order ID: the chain never knows one.
struct ApprovedPayout {
    reference: String,
    address: String,
    sats: u64,
    sent_at: EpochMillis,
}

fn approved_onchain_payouts(store: &Store) -> Vec<ApprovedPayout> {
    store
        .orders
        .values()
        .filter_map(|order| order.payout.as_ref())
        .filter_map(|payout| match &payout.destination {
            Destination::Address(address) => Some(ApprovedPayout {
                reference: payout.reference.clone(),
                address: address.clone(),
                sats: payout.sats,
                sent_at: payout.sent_at,
            }),
            Destination::LnInvoice(_) => None,
        })
        .collect()
}

impl Shared {
    /// Runs `f` on the chain as of now: decisions due are made first, and every on-chain payout
    /// approved so far is on the chain's schedule.
    pub(crate) fn with_chain<R>(&self, f: impl FnOnce(&mut Ledger, EpochMillis) -> R) -> R {
        let payouts = self
            .with_store(|store, _| Ok(approved_onchain_payouts(store)))
            .unwrap_or_default();
        let now = self.now();
        let mut ledger = lock(&self.chain.ledger);
        for payout in payouts {
            match Payee::parse(&payout.address) {
                Ok(payee) => ledger.schedule(&payout.reference, payee, payout.sats, payout.sent_at),
                Err(refusal) => tracing::warn!(
                    reason = refusal.message(),
                    "chain: an approved payout's address cannot be paid"
                ),
            }
        }
        ledger.advance_to(now);
        f(&mut ledger, now)
    }
}

//! The seller's own wallet: a watch-only key pasted in Settings, and a fresh receive address from
//! it for each order, so no two sales share an address. Which address comes next follows the
//! gap rule of [`AddressLedger`]: an address given to an order that ended without a payout is
//! given again, so unused addresses never pile up past what a wallet restored from seed scans.

use bitcoin::Network;
use cardcoins_core::{ErrorCode, Reason};
use cardcoins_vault::{OrderRecord, WalletAddress, WalletRecord};
use cardcoins_wallet::{AddressLedger, GapStatus, WalletError, WatchOnlyWallet};
use serde::Serialize;
use specta::Type;

use crate::error::AppError;
use crate::state::AppState;

/// CardCoins pays real bitcoin, in practice too: the sandbox takes mainnet addresses.
const NETWORK: Network = Network::Bitcoin;

/// How many addresses the seller is shown to compare with their wallet.
const ADDRESSES_SHOWN: u32 = 3;

/// The most addresses skipped in one go because the chain says they were used: past that the
/// wallet is busy elsewhere and the seller had better paste an address.
const MOST_SKIPPED: u32 = 20;

/// A receive address and its number on the wallet's receive chain, as wallets list them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NumberedAddress {
    pub index: u32,
    pub address: String,
}

/// What a pasted key is, before it is kept: its type and its first addresses to compare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WalletPreview {
    /// `p2pkh`, `p2sh-p2wpkh`, `p2wpkh` or `p2tr`.
    pub kind: String,
    pub addresses: Vec<NumberedAddress>,
}

/// How close the next address is to where a restored wallet stops looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum GapLevel {
    Clear,
    Close,
    Beyond,
}

/// The wallet as Settings shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WalletView {
    pub kind: String,
    /// The descriptor type and key origin (`wpkh([73c5da0a/84'/0'/0'])`), never the key.
    pub origin: String,
    pub gap_limit: u32,
    /// The first receive addresses, to compare with the wallet; empty when the key is missing.
    pub first_addresses: Vec<NumberedAddress>,
    /// What the next order will get; `None` when the key is missing.
    pub next: Option<NumberedAddress>,
    /// Orders that hold an address and may still be paid.
    pub in_flight: u32,
    /// Unpaid addresses in a row right before `next`.
    pub unused_before_next: u32,
    pub gap: GapLevel,
    /// The key was kept for the last run only (no system keyring): set it again.
    pub key_missing: bool,
}

/// The address the payout step offers an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FreshAddress {
    pub index: u32,
    pub address: String,
    /// The order already holds this address (a payout step sent before, or interrupted).
    pub held_by_this_order: bool,
    pub gap: GapLevel,
}

/// Reads a pasted key without keeping it.
pub fn check_wallet(text: &str) -> Result<WalletPreview, AppError> {
    let wallet = parse(text)?;
    Ok(WalletPreview {
        kind: wallet.kind().code().to_string(),
        addresses: numbered(&wallet, 0..ADDRESSES_SHOWN)?,
    })
}

/// Keeps the pasted key as the seller's wallet (where order IDs are kept), replacing any other.
pub async fn set_wallet(state: &AppState, text: &str) -> Result<WalletView, AppError> {
    let wallet = parse(text)?;
    let key = wallet.descriptor();
    let id = wallet.id().map_err(refused)?;
    let gap_limit = state
        .vault(|vault| Ok(vault.wallet().map(|kept| kept.gap_limit)))
        .await?
        .unwrap_or(cardcoins_wallet::DEFAULT_GAP_LIMIT);
    let record = WalletRecord::new(
        id,
        wallet.kind().code().to_string(),
        wallet.origin(),
        time::OffsetDateTime::now_utc(),
        gap_limit,
    );
    state
        .vault(move |vault| vault.set_wallet(&key, record))
        .await?;
    get_wallet(state)
        .await?
        .ok_or_else(|| AppError::internal("keeping the wallet", "not kept"))
}

pub async fn get_wallet(state: &AppState) -> Result<Option<WalletView>, AppError> {
    refresh_holders(state).await?;
    let Some((record, key, ledger)) = kept(state).await? else {
        return Ok(None);
    };
    let in_flight = u32::try_from(ledger.held()).unwrap_or(u32::MAX);
    let next_index = ledger.next_index();
    let (first_addresses, next, key_missing) = match key {
        Some(wallet) => {
            let next = numbered(&wallet, next_index..next_index + 1)?.pop();
            (numbered(&wallet, 0..ADDRESSES_SHOWN)?, next, false)
        }
        None => (Vec::new(), None, true),
    };
    Ok(Some(WalletView {
        kind: record.kind,
        origin: record.origin,
        gap_limit: record.gap_limit,
        first_addresses,
        next,
        in_flight,
        unused_before_next: ledger.gap_before(next_index),
        gap: level(ledger.gap_status(record.gap_limit)),
        key_missing,
    }))
}

/// Removes the wallet and its key. Addresses already used stay used if it is set again.
pub async fn forget_wallet(state: &AppState) -> Result<(), AppError> {
    state.vault(|vault| vault.forget_wallet()).await
}

/// How many unused addresses in a row the seller's wallet scans (its "gap limit").
pub async fn set_wallet_gap_limit(
    state: &AppState,
    gap_limit: u32,
) -> Result<WalletView, AppError> {
    if !(1..=1000).contains(&gap_limit) {
        return Err(AppError::because(
            ErrorCode::InvalidSettings,
            Reason::new("reason-wallet-gap-limit"),
        ));
    }
    state
        .vault(move |vault| vault.set_gap_limit(gap_limit))
        .await?;
    get_wallet(state)
        .await?
        .ok_or_else(|| AppError::internal("changing the gap limit", "no wallet"))
}

/// The address the payout step offers this order: the one it holds, else the next free one
/// (not yet held: it is taken only when the payout step is sent).
pub async fn fresh_address(state: &AppState, handle: &str) -> Result<FreshAddress, AppError> {
    let _turn = state.wallet_turn.lock().await;
    refresh_holders(state).await?;
    let (wallet, record, ledger) = wallet_for(state).await?;
    let order = order_record(state, handle).await?;
    let held = held_index(&order, &record);
    let index = match held {
        Some(index) => index,
        None => next_unused_index(state, &wallet, &record, &ledger).await?,
    };
    Ok(FreshAddress {
        index,
        address: address_at(&wallet, index)?,
        held_by_this_order: held.is_some(),
        gap: level(ledger.gap_status(record.gap_limit)),
    })
}

/// Sends the payout step with the order's fresh address. The order holds the address before it
/// is sent, so an answer lost on the way cannot hand the same address to another order.
pub async fn submit_payment_from_wallet(
    state: &AppState,
    handle: &str,
    first_name: Option<&str>,
    last_name: Option<&str>,
    captcha_token: Option<&str>,
) -> Result<(), AppError> {
    let _turn = state.wallet_turn.lock().await;
    refresh_holders(state).await?;
    let (wallet, record, ledger) = wallet_for(state).await?;
    let order = order_record(state, handle).await?;
    let index = match held_index(&order, &record) {
        Some(index) => index,
        None => next_unused_index(state, &wallet, &record, &ledger).await?,
    };
    let address = address_at(&wallet, index)?;
    let given = WalletAddress {
        wallet: record.id.clone(),
        index,
    };
    let holding = given.clone();
    let order_handle = handle.to_string();
    state
        .vault(move |vault| {
            vault.update(&order_handle, |order| order.wallet_address = Some(holding))
        })
        .await?;
    tracing::info!(index, "payout step with a fresh address from the wallet");
    crate::orders::send_payment(
        state,
        handle,
        &address,
        Some(given),
        first_name,
        last_name,
        captcha_token,
    )
    .await
}

/// Asks about the open orders holding an address of the wallet: one that ended unpaid gives its
/// address back, one approved keeps it for good. Each order's reads share its sync (at most one
/// request per 10 s), and a read that fails leaves that order holding its address.
async fn refresh_holders(state: &AppState) -> Result<(), AppError> {
    let holders = state
        .vault(|vault| {
            let Some(wallet) = vault.wallet() else {
                return Ok(Vec::new());
            };
            Ok(vault
                .orders()
                .into_iter()
                .filter(|order| {
                    !order.last_status.is_final()
                        && order
                            .wallet_address
                            .as_ref()
                            .is_some_and(|given| given.wallet == wallet.id)
                })
                .map(|order| order.handle)
                .collect::<Vec<_>>())
        })
        .await?;
    for handle in holders {
        if let Err(error) = crate::orders::fetch(state, &handle).await {
            tracing::info!(code = %error.code, "an order holding a wallet address could not be read");
        }
    }
    Ok(())
}

fn parse(text: &str) -> Result<WatchOnlyWallet, AppError> {
    WatchOnlyWallet::parse(text, NETWORK).map_err(refused)
}

/// A refusal in the seller's terms; never with what was pasted.
fn refused(error: WalletError) -> AppError {
    let code = match error {
        WalletError::PrivateKey | WalletError::SeedWords => ErrorCode::WalletPrivateKey,
        WalletError::IndexOutOfRange { .. } | WalletError::Derivation => {
            return AppError::internal("deriving a wallet address", error);
        }
        _ => ErrorCode::InvalidWallet,
    };
    AppError::because(code, error.reason())
}

fn numbered(
    wallet: &WatchOnlyWallet,
    indexes: std::ops::Range<u32>,
) -> Result<Vec<NumberedAddress>, AppError> {
    indexes
        .map(|index| {
            Ok(NumberedAddress {
                index,
                address: address_at(wallet, index)?,
            })
        })
        .collect()
}

fn address_at(wallet: &WatchOnlyWallet, index: u32) -> Result<String, AppError> {
    wallet
        .receive_address(index)
        .map(|address| address.to_string())
        .map_err(refused)
}

fn level(status: GapStatus) -> GapLevel {
    match status {
        GapStatus::Clear => GapLevel::Clear,
        GapStatus::Close => GapLevel::Close,
        GapStatus::Beyond => GapLevel::Beyond,
    }
}

type Kept = (WalletRecord, Option<WatchOnlyWallet>, AddressLedger);

/// The wallet kept, its key (`None` when it is no longer stored), and its addresses' ledger.
async fn kept(state: &AppState) -> Result<Option<Kept>, AppError> {
    let found = state
        .vault(|vault| {
            let Some(record) = vault.wallet() else {
                return Ok(None);
            };
            let key = match vault.wallet_key() {
                Ok(key) => Some(key),
                Err(cardcoins_vault::VaultError::WalletKeyMissing) => None,
                Err(error) => return Err(error),
            };
            let ledger = vault.address_ledger(&record.id);
            Ok(Some((record, key, ledger)))
        })
        .await?;
    let Some((record, key, ledger)) = found else {
        return Ok(None);
    };
    // The key was checked before it was kept; one that no longer reads is treated as missing.
    let wallet = key.and_then(|key| WatchOnlyWallet::parse(&key, NETWORK).ok());
    Ok(Some((record, wallet, ledger)))
}

async fn wallet_for(
    state: &AppState,
) -> Result<(WatchOnlyWallet, WalletRecord, AddressLedger), AppError> {
    match kept(state).await? {
        Some((record, Some(wallet), ledger)) => Ok((wallet, record, ledger)),
        Some((_, None, _)) => Err(AppError::from(
            cardcoins_vault::VaultError::WalletKeyMissing,
        )),
        None => Err(AppError::new(ErrorCode::WalletNotSet)),
    }
}

async fn order_record(state: &AppState, handle: &str) -> Result<OrderRecord, AppError> {
    let handle = handle.to_string();
    state.vault(move |vault| vault.get(&handle)).await
}

fn held_index(order: &OrderRecord, wallet: &WalletRecord) -> Option<u32> {
    order
        .wallet_address
        .as_ref()
        .filter(|given| given.wallet == wallet.id)
        .map(|given| given.index)
}

/// The next index no order holds or was paid at. With the payout watch on (the seller agreed to
/// show their payout addresses to the chain server), an address the chain says was already used
/// is skipped for good.
async fn next_unused_index(
    state: &AppState,
    wallet: &WatchOnlyWallet,
    record: &WalletRecord,
    ledger: &AddressLedger,
) -> Result<u32, AppError> {
    let mut ledger = ledger.clone();
    let settings = state.settings();
    if !settings.payout_watch {
        return Ok(ledger.next_index());
    }
    let client = match crate::payout_watch::esplora_client(&settings, state.sandbox()) {
        Ok(client) => client,
        Err(error) => {
            tracing::info!(%error, "no chain server to check the next address with");
            return Ok(ledger.next_index());
        }
    };
    for _ in 0..MOST_SKIPPED {
        let index = ledger.next_index();
        let address = wallet.receive_address(index).map_err(refused)?;
        match client.address_txs(&address).await {
            Ok(history) if history.is_empty() => return Ok(index),
            Ok(_) => {
                tracing::info!(
                    index,
                    "the next wallet address was used already; skipping it"
                );
                ledger.mark_chain_history(index);
                let wallet_id = record.id.clone();
                state
                    .vault(move |vault| vault.note_never_again(&wallet_id, index))
                    .await?;
            }
            Err(error) => {
                // The check only adds safety; without an answer the ledger's choice stands.
                tracing::info!(%error, "could not ask the chain server about the next address");
                return Ok(index);
            }
        }
    }
    Err(AppError::because(
        ErrorCode::InvalidWallet,
        Reason::new("reason-wallet-used-up"),
    ))
}

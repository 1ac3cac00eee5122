//! `cardcoins wallet`: the seller's watch-only wallet, kept where the desktop app keeps it (the
//! same folder and keyring entry), so both hand out the same fresh addresses in the same order.

use std::io::Read;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use cardcoins_vault::{OrderVault, WalletRecord};
use cardcoins_wallet::{Network, WatchOnlyWallet, DEFAULT_GAP_LIMIT};

use crate::error::CliError;
use crate::output::Output;

/// The desktop app's identifier: its data folder's name and its keyring service.
const APP_ID: &str = "co.cardcoins.desktop";

/// How many addresses `check` and `show` list.
const ADDRESSES_SHOWN: u32 = 3;

#[derive(Debug, Subcommand)]
pub enum WalletCommand {
    /// Read a watch-only key and list its first receive addresses; nothing is kept.
    Check {
        /// An xpub, ypub or zpub, or an output descriptor; - reads it from standard input.
        key: String,
    },
    /// Keep a watch-only key as the wallet (in the system keyring), replacing any other.
    Set {
        /// An xpub, ypub or zpub, or an output descriptor; - reads it from standard input
        /// (keeps it out of shell history and `ps`).
        key: String,
        #[command(flatten)]
        place: WalletPlace,
        /// Where no system keyring works: keep the key unencrypted in the data folder.
        #[arg(long)]
        allow_plain_file: bool,
    },
    /// The wallet kept: its type, origin, first addresses and the next fresh one.
    Show {
        #[command(flatten)]
        place: WalletPlace,
    },
    /// The next fresh address (what `cardcoins payment --fresh-address` would send).
    Next {
        #[command(flatten)]
        place: WalletPlace,
    },
}

/// Which wallet: the desktop app's, or its practice mode's.
#[derive(Debug, Clone, Args)]
pub struct WalletPlace {
    /// The app's data folder (default: the desktop app's own).
    #[arg(long, env = "CARDCOINS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The wallet set in the app's practice mode (its sandbox folder and keyring entries).
    #[arg(long)]
    pub practice: bool,
}

#[derive(Debug, Serialize)]
struct Numbered {
    index: u32,
    address: String,
}

#[derive(Debug, Serialize)]
struct WalletSummary {
    kind: String,
    origin: String,
    gap_limit: u32,
    first_addresses: Vec<Numbered>,
    next: Numbered,
}

pub fn run(output: &Output, command: WalletCommand) -> Result<(), CliError> {
    match command {
        WalletCommand::Check { key } => {
            let wallet = parse(&read_key(&key)?)?;
            let addresses = numbered(&wallet, 0..ADDRESSES_SHOWN)?;
            output.result(
                &serde_json::json!({"kind": wallet.kind().code(), "addresses": addresses}),
                || listing(wallet.kind().code(), &addresses),
            );
            Ok(())
        }
        WalletCommand::Set {
            key,
            place,
            allow_plain_file,
        } => {
            let wallet = parse(&read_key(&key)?)?;
            let mut vault = place.open()?;
            if allow_plain_file {
                vault.allow_plain_file()?;
            } else if vault.key_store() != cardcoins_vault::KeyStore::OsKeyring {
                return Err(CliError::Refused(
                    "No system keyring works here, so the wallet's key could not be kept. Run it \
                     again with --allow-plain-file to keep it unencrypted in the data folder."
                        .to_string(),
                ));
            }
            let gap_limit = vault
                .wallet()
                .map_or(DEFAULT_GAP_LIMIT, |kept| kept.gap_limit);
            let record = WalletRecord::new(
                wallet.id()?,
                wallet.kind().code().to_string(),
                wallet.origin(),
                time::OffsetDateTime::now_utc(),
                gap_limit,
            );
            vault.set_wallet(&wallet.descriptor(), record)?;
            show(output, &vault)
        }
        WalletCommand::Show { place } => show(output, &place.open()?),
        WalletCommand::Next { place } => {
            let (index, address) = next_fresh(&place.open()?)?;
            let next = Numbered { index, address };
            output.result(&next, || format!("#{}  {}", next.index, next.address));
            Ok(())
        }
    }
}

impl WalletPlace {
    pub fn open(&self) -> Result<OrderVault, CliError> {
        let base = match &self.data_dir {
            Some(folder) => folder.clone(),
            None => dirs::data_dir()
                .ok_or_else(|| {
                    CliError::Refused(
                        "This computer has no data folder for apps; pass --data-dir.".to_string(),
                    )
                })?
                .join(APP_ID),
        };
        // As the app does: practice orders and wallet live apart from real ones.
        let (folder, service) = if self.practice {
            (base.join("sandbox"), format!("{APP_ID}.sandbox"))
        } else {
            (base, APP_ID.to_string())
        };
        Ok(OrderVault::open(&folder, &service)?)
    }
}

/// The next address no order of the app holds and none was paid at: the wallet and its number.
pub fn next_fresh(vault: &OrderVault) -> Result<(u32, String), CliError> {
    let (wallet, record) = kept(vault)?;
    let index = vault.address_ledger(&record.id).next_index();
    Ok((index, wallet.receive_address(index)?.to_string()))
}

/// After `cardcoins payment --fresh-address`: the command line keeps no order list to tell
/// whether that order ends unpaid, so the address is never handed out again.
pub fn keep_used(vault: &mut OrderVault, index: u32) -> Result<(), CliError> {
    let (_, record) = kept(vault)?;
    Ok(vault.note_never_again(&record.id, index)?)
}

fn kept(vault: &OrderVault) -> Result<(WatchOnlyWallet, WalletRecord), CliError> {
    let record = vault.wallet().ok_or_else(|| {
        CliError::Refused(
            "No wallet is set: set one with `cardcoins wallet set -` (or in the app's Settings)."
                .to_string(),
        )
    })?;
    let wallet = parse(&vault.wallet_key()?)?;
    Ok((wallet, record))
}

fn show(output: &Output, vault: &OrderVault) -> Result<(), CliError> {
    let (wallet, record) = kept(vault)?;
    let (index, address) = next_fresh(vault)?;
    let summary = WalletSummary {
        kind: record.kind,
        origin: record.origin,
        gap_limit: record.gap_limit,
        first_addresses: numbered(&wallet, 0..ADDRESSES_SHOWN)?,
        next: Numbered { index, address },
    };
    output.result(&summary, || {
        format!(
            "{}\norigin: {}\ngap limit: {}\nnext: #{}  {}",
            listing(&summary.kind, &summary.first_addresses),
            summary.origin,
            summary.gap_limit,
            summary.next.index,
            summary.next.address
        )
    });
    Ok(())
}

fn parse(text: &str) -> Result<WatchOnlyWallet, CliError> {
    // CardCoins pays real bitcoin, in its sandbox too.
    Ok(WatchOnlyWallet::parse(text, Network::Bitcoin)?)
}

fn read_key(argument: &str) -> Result<String, CliError> {
    if argument.trim() != "-" {
        return Ok(argument.to_string());
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|error| CliError::io("Could not read the key from standard input", error))?;
    Ok(text)
}

fn numbered(
    wallet: &WatchOnlyWallet,
    indexes: std::ops::Range<u32>,
) -> Result<Vec<Numbered>, CliError> {
    indexes
        .map(|index| {
            Ok(Numbered {
                index,
                address: wallet.receive_address(index)?.to_string(),
            })
        })
        .collect()
}

fn listing(kind: &str, addresses: &[Numbered]) -> String {
    let mut text = format!("type: {kind}");
    for numbered in addresses {
        text.push_str(&format!("\n#{}  {}", numbered.index, numbered.address));
    }
    text
}

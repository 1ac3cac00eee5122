//! The orders' records out of the app: "Your orders" exports them as CSV or BIP-329 labels, and
//! Settings or an order's status saves a support bundle. The formats are `cardcoins-records`'
//! (docs/records.md); this module reads the vault and the server, asks where to save, and writes
//! the file whole or not at all.
//!
//! An order ID goes into a file only when the person ticked "include order IDs". Nothing here
//! logs an ID, a destination or a file's contents.

use std::io::Write;

use atomic_write_file::AtomicWriteFile;
use std::path::{Path, PathBuf};

use cardcoins_api::OrderDetails;
use cardcoins_core::{ErrorCode, OrderId, Reason};
use cardcoins_records::{
    write_bip329, write_csv, BundledOrder, ExportRow, OrderFacts, Receipt, RecordsError,
    SupportBundle, WalletAddressRef,
};
use cardcoins_vault::OrderRecord;
use serde::{Deserialize, Serialize};
use specta::Type;
use time::OffsetDateTime;

use crate::diagnostics;
use crate::error::AppError;
use crate::log_tail;
use crate::shell::SaveRequest;
use crate::state::AppState;

/// What "Your orders" exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// One row per order, for spreadsheets and tax software.
    Csv,
    /// BIP-329 wallet labels (JSON Lines), for Sparrow and other wallets.
    Bip329,
}

impl ExportFormat {
    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Bip329 => "jsonl",
        }
    }

    /// The catalog's name for the file type, in the save dialog.
    fn filter_id(self) -> &'static str {
        match self {
            ExportFormat::Csv => "dialog-export-filter-csv",
            ExportFormat::Bip329 => "dialog-export-filter-bip329",
        }
    }

    /// The name offered in the save dialog: "cardcoins-orders-2026-12-03.csv".
    pub fn file_name(self, today: OffsetDateTime) -> String {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let date = today
            .to_offset(time::UtcOffset::UTC)
            .format(&format)
            .unwrap_or_else(|_| "today".to_string());
        format!("cardcoins-orders-{date}.{}", self.extension())
    }
}

/// One order as the vault keeps it, with its ID (when the vault could give it) and what the
/// server said of it (when it could be asked).
struct ReadOrder {
    record: OrderRecord,
    id: Option<OrderId>,
    details: Option<OrderDetails>,
}

/// Every order in the vault, oldest first, each with its ID (a bundle scrubs every ID from its
/// texts). `only`, when given, must name an order the vault knows.
async fn vault_orders(
    state: &AppState,
    only: Option<&str>,
) -> Result<Vec<(OrderRecord, Option<OrderId>)>, AppError> {
    let only = only.map(str::to_string);
    let mut orders = state
        .vault(move |vault| {
            if let Some(handle) = &only {
                // An unknown handle is an error, not an empty bundle.
                vault.get(handle)?;
            }
            Ok(vault
                .orders()
                .into_iter()
                .map(|record| {
                    let id = vault.order_id(&record.handle).ok();
                    (record, id)
                })
                .collect::<Vec<_>>())
        })
        .await?;
    orders.sort_by_key(|(record, _)| record.created_at);
    Ok(orders)
}

/// Asks the server about each order. After the first failure other than "no such order" the
/// rest come from the vault alone: offline, each read would only wait for its own timeout.
async fn read_orders(
    state: &AppState,
    orders: Vec<(OrderRecord, Option<OrderId>)>,
) -> Vec<ReadOrder> {
    let api = state.api();
    let mut server_away = false;
    let mut read = Vec::with_capacity(orders.len());
    for (record, id) in orders {
        let mut details = None;
        if let (Some(order_id), false) = (&id, server_away) {
            match api.get_order(order_id).await {
                Ok(found) => details = Some(found),
                Err(error) => {
                    let error = AppError::from(error);
                    tracing::info!(code = %error.code, handle = %record.handle, "order not read for the records; using what the vault has");
                    server_away = error.code != ErrorCode::OrderNotFound;
                }
            }
        }
        read.push(ReadOrder {
            record,
            id,
            details,
        });
    }
    read
}

/// One row per order on this computer, oldest first; with the order ID only when asked.
pub async fn export_rows(
    state: &AppState,
    include_order_ids: bool,
) -> Result<Vec<ExportRow>, AppError> {
    let orders = read_orders(state, vault_orders(state, None).await?).await;
    let wallet = state.vault(|vault| Ok(vault.wallet())).await?;
    Ok(orders
        .into_iter()
        .map(|order| {
            let mut row =
                ExportRow::from_facts(&OrderFacts::new(&order.record, order.details.as_ref()));
            if let Some(given) = &order.record.wallet_address {
                // The origin is known only for the wallet set now.
                let origin = wallet
                    .as_ref()
                    .filter(|wallet| wallet.id == given.wallet)
                    .map(|wallet| wallet.origin.clone())
                    // Without a key origin ("wpkh()") a wallet could not match it to itself.
                    .filter(|origin| origin.contains('['));
                row = row.with_wallet_address(WalletAddressRef {
                    index: given.index,
                    origin,
                });
            }
            match order.id.filter(|_| include_order_ids) {
                Some(id) => row.with_order_id(id),
                None => row,
            }
        })
        .collect())
}

pub fn write_export<W: Write>(
    rows: &[ExportRow],
    format: ExportFormat,
    include_order_ids: bool,
    writer: W,
) -> Result<(), AppError> {
    match format {
        ExportFormat::Csv => write_csv(rows, include_order_ids, writer),
        ExportFormat::Bip329 => write_bip329(rows, include_order_ids, writer),
    }
    .map_err(records_error)
}

/// Exports every order to `path`, whole or not at all.
pub async fn export_to(
    state: &AppState,
    format: ExportFormat,
    include_order_ids: bool,
    path: PathBuf,
) -> Result<(), AppError> {
    let rows = export_rows(state, include_order_ids).await?;
    let count = rows.len();
    write_file(path, move |file| {
        write_export(&rows, format, include_order_ids, file)
    })
    .await?;
    tracing::info!(count, ?format, include_order_ids, "orders exported");
    Ok(())
}

/// The support bundle for one order (by handle), or for every order when `handle` is `None`.
/// Every order's ID is passed in so the bundle can scrub it from its texts; it is written only
/// when the bundle is written with `include_order_ids`.
pub async fn support_bundle(
    state: &AppState,
    handle: Option<&str>,
    log_folder: Option<&Path>,
) -> Result<SupportBundle, AppError> {
    let all = vault_orders(state, handle).await?;
    let (chosen, others): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|(record, _)| handle.is_none_or(|handle| record.handle == handle));
    let orders = read_orders(state, chosen).await;
    let facts = diagnostics::facts(state).await;
    let folder = log_folder.map(Path::to_path_buf);
    let log_tail = tokio::task::spawn_blocking(move || match folder {
        None => vec!["No log file in this run: its folder could not be made.".to_string()],
        Some(folder) => log_tail::last_lines(&folder, diagnostics::LOG_LINES)
            .unwrap_or_else(|error| vec![format!("The log file could not be read ({error}).")]),
    })
    .await
    .map_err(|error| AppError::internal("reading the log", error))?;
    Ok(SupportBundle {
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        os: facts.os,
        report: facts.text,
        log_tail,
        orders: orders
            .iter()
            .map(|order| {
                BundledOrder::from_record(&order.record, order.details.as_ref(), order.id.clone())
            })
            .collect(),
        other_order_ids: others.into_iter().filter_map(|(_, id)| id).collect(),
    })
}

/// Saves the support bundle to `path`, whole or not at all.
pub async fn save_bundle_to(
    state: &AppState,
    handle: Option<&str>,
    include_order_ids: bool,
    log_folder: Option<&Path>,
    path: PathBuf,
    created_at: OffsetDateTime,
) -> Result<(), AppError> {
    let bundle = support_bundle(state, handle, log_folder).await?;
    let orders = bundle.orders.len();
    write_file(path, move |file| {
        bundle
            .write(include_order_ids, created_at, file)
            .map_err(records_error)
    })
    .await?;
    tracing::info!(orders, include_order_ids, "support bundle saved");
    Ok(())
}

/// One order's receipt, from the vault's record and, when it can be read, the server's order.
/// The order ID goes in only with `include_order_id`; it is always used to scrub the texts.
pub async fn receipt(state: &AppState, handle: &str) -> Result<Receipt, AppError> {
    let chosen = vault_orders(state, Some(handle))
        .await?
        .into_iter()
        .filter(|(record, _)| record.handle == handle)
        .collect();
    let order = read_orders(state, chosen)
        .await
        .pop()
        .ok_or_else(|| AppError::internal("reading the order", "no order under that handle"))?;
    let facts = OrderFacts::new(&order.record, order.details.as_ref());
    Ok(Receipt::new(
        &facts,
        &order.record,
        order.id.as_ref(),
        &state.catalog(),
    ))
}

/// Saves one order's receipt to `path`, whole or not at all.
pub async fn save_receipt_to(
    state: &AppState,
    handle: &str,
    include_order_id: bool,
    path: PathBuf,
) -> Result<(), AppError> {
    let receipt = receipt(state, handle).await?;
    let made_at = OffsetDateTime::now_utc();
    let catalog = state.catalog();
    write_file(path, move |file| {
        receipt
            .write_pdf(include_order_id, made_at, &catalog, file)
            .map_err(records_error)
    })
    .await?;
    tracing::info!(include_order_id, "receipt saved");
    Ok(())
}

/// Writes the file whole or not at all: a failure leaves no half-written file under the chosen
/// name (and any earlier file there untouched).
async fn write_file(
    path: PathBuf,
    write: impl FnOnce(&mut AtomicWriteFile) -> Result<(), AppError> + Send + 'static,
) -> Result<(), AppError> {
    tokio::task::spawn_blocking(move || {
        let mut file = AtomicWriteFile::open(&path).map_err(io_error)?;
        match write(&mut file) {
            Ok(()) => file.commit().map_err(io_error),
            Err(error) => {
                let _ = file.discard();
                Err(error)
            }
        }
    })
    .await
    .map_err(|error| AppError::internal("saving the file", error))?
}

fn io_error(error: std::io::Error) -> AppError {
    records_error(RecordsError::Write(error))
}

fn records_error(error: RecordsError) -> AppError {
    tracing::warn!(%error, "the file could not be written");
    AppError::because(error.code(), Reason::new("reason-file-not-saved"))
}

/// The system's save dialog, in the seller's language; `None` when cancelled.
async fn ask_where(
    state: &AppState,
    title_id: &str,
    file_name: String,
    filter_id: &str,
    extension: &str,
) -> Result<Option<PathBuf>, AppError> {
    let catalog = state.catalog();
    let request = SaveRequest {
        title: catalog.text(title_id, &[]),
        file_name,
        filter_name: catalog.text(filter_id, &[]),
        extension: extension.to_string(),
    };
    state
        .shell()
        .choose_save_path(request)
        .await
        .map_err(|error| AppError::internal("opening the save dialog", error))
}

/// Exports every order after asking where; the saved file's path, or `None` when cancelled.
pub async fn export_orders(
    state: &AppState,
    format: ExportFormat,
    include_order_ids: bool,
) -> Result<Option<String>, AppError> {
    let name = format.file_name(OffsetDateTime::now_utc());
    let Some(path) = ask_where(
        state,
        "dialog-export-title",
        name,
        format.filter_id(),
        format.extension(),
    )
    .await?
    else {
        return Ok(None);
    };
    export_to(state, format, include_order_ids, path.clone()).await?;
    Ok(Some(path.display().to_string()))
}

/// Saves a support bundle after asking where: one order's (`handle`) or every order's. The saved
/// file's path, or `None` when cancelled.
pub async fn save_support_bundle(
    state: &AppState,
    log_folder: Option<&Path>,
    handle: Option<&str>,
    include_order_ids: bool,
) -> Result<Option<String>, AppError> {
    let created_at = OffsetDateTime::now_utc();
    let Some(path) = ask_where(
        state,
        "dialog-support-title",
        SupportBundle::file_name(created_at),
        "dialog-support-filter",
        "json",
    )
    .await?
    else {
        return Ok(None);
    };
    save_bundle_to(
        state,
        handle,
        include_order_ids,
        log_folder,
        path.clone(),
        created_at,
    )
    .await?;
    Ok(Some(path.display().to_string()))
}

/// Saves one order's receipt as a PDF after asking where; the saved file's path, or `None` when
/// cancelled.
pub async fn save_receipt(
    state: &AppState,
    handle: &str,
    include_order_id: bool,
) -> Result<Option<String>, AppError> {
    let name = receipt(state, handle).await?.file_name();
    let Some(path) = ask_where(
        state,
        "dialog-receipt-title",
        name,
        "dialog-receipt-filter",
        "pdf",
    )
    .await?
    else {
        return Ok(None);
    };
    save_receipt_to(state, handle, include_order_id, path.clone()).await?;
    Ok(Some(path.display().to_string()))
}

//! The orders as CSV, one row per order, for spreadsheets and tax software.

use std::io::Write;

use crate::error::RecordsError;
use crate::row::ExportRow;
use crate::spreadsheet::guard_formula;
use crate::timestamp::utc_seconds;
use crate::usd::dollars;

/// The header, in the order of the columns. Dates are RFC 3339 in UTC; dollar amounts are
/// decimal text with two decimals, computed from integer cents.
pub const CSV_COLUMNS: [&str; 9] = [
    "date",
    "card_value_usd",
    "sats_received",
    "price_usd_per_btc",
    "usd_value_at_receipt",
    "status",
    "destination",
    "txid_or_payment_hash",
    "wallet_address_number",
];

/// The last column, present only when order IDs are asked for.
pub const ORDER_ID_COLUMN: &str = "order_id";

/// Writes `rows` as CSV (RFC 4180: commas, quotes and line breaks inside a value are quoted)
/// with a header. The order ID column is there only with `include_order_ids`; without it no
/// order ID is written, whatever the rows hold. Every text cell is guarded against spreadsheet
/// formulas (see `guard_formula`).
pub fn write_csv<W: Write>(
    rows: &[ExportRow],
    include_order_ids: bool,
    writer: W,
) -> Result<(), RecordsError> {
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(writer);
    let mut header: Vec<&str> = CSV_COLUMNS.to_vec();
    if include_order_ids {
        header.push(ORDER_ID_COLUMN);
    }
    csv.write_record(&header)?;
    for row in rows {
        let mut cells = cells(row);
        if include_order_ids {
            cells.push(
                row.order_id
                    .as_ref()
                    .map(|id| id.expose_secret().to_string())
                    .unwrap_or_default(),
            );
        }
        csv.write_record(cells.iter().map(|cell| guard_formula(cell)))?;
    }
    csv.flush()?;
    Ok(())
}

fn cells(row: &ExportRow) -> Vec<String> {
    vec![
        row.date.and_then(utc_seconds).unwrap_or_default(),
        dollars(row.card_value),
        row.sats
            .map(|sats| sats.get().to_string())
            .unwrap_or_default(),
        row.price.map(dollars).unwrap_or_default(),
        row.usd_value_at_receipt().map(dollars).unwrap_or_default(),
        row.status.as_str().to_string(),
        row.destination.clone().unwrap_or_default(),
        row.payout
            .as_ref()
            .map(|payout| payout.as_str().to_string())
            .unwrap_or_default(),
        row.wallet_address
            .as_ref()
            .map(|address| address.index.to_string())
            .unwrap_or_default(),
    ]
}

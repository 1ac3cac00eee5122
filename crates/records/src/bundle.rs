//! The support bundle: one JSON file a seller saves and sends to CardCoins support, from
//! Settings or from one order.
//!
//! It holds the app version and OS, the diagnostics report, the end of the log, and each
//! chosen order's non-secret details and status history. It never holds a photo: nothing here
//! takes one, and data URLs in any text are emptied. Order IDs are scrubbed from every text and
//! written only in each order's own `order_id` field, and only when asked to.

use std::io::Write;

use cardcoins_core::{OrderId, OrderStatus};
use serde::Serialize;
use time::OffsetDateTime;

use crate::error::RecordsError;
use crate::row::ExportRow;
use crate::scrub::scrub;
use crate::timestamp::utc_seconds;
use crate::usd::dollars;

const FORMAT_VERSION: u32 = 1;

/// Everything that goes into a bundle. Texts may hold order IDs and data URLs: they are
/// scrubbed when the bundle is written.
#[derive(Debug, Clone, Default)]
pub struct SupportBundle {
    pub app_version: String,
    /// The operating system, its version and the architecture.
    pub os: String,
    /// The diagnostics report the app copies (settings, web engine, where IDs are kept), without
    /// its log lines: those go in `log_tail`.
    pub report: String,
    /// The last lines of the log, oldest first.
    pub log_tail: Vec<String>,
    pub orders: Vec<BundledOrder>,
    /// The IDs of every other order on this computer. Not written; scrubbed from the texts like
    /// the bundled orders' own.
    pub other_order_ids: Vec<OrderId>,
}

/// One order in the bundle: what the exports know of it, and how its status went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundledOrder {
    pub row: ExportRow,
    pub history: Vec<TimelineEntry>,
}

/// One change of status: the vault's `StatusEntry` as the bundle takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    pub status: OrderStatus,
    pub at: OffsetDateTime,
    pub message: Option<String>,
}

#[cfg(feature = "vault")]
impl From<&cardcoins_vault::StatusEntry> for TimelineEntry {
    fn from(entry: &cardcoins_vault::StatusEntry) -> TimelineEntry {
        TimelineEntry {
            status: entry.status.clone(),
            at: entry.at,
            message: entry.message.clone(),
        }
    }
}

#[cfg(feature = "vault")]
impl BundledOrder {
    /// A vault record, with what the server said of it when it could be read; `id` is needed to
    /// scrub the texts even when it is not to be written.
    pub fn from_record(
        record: &cardcoins_vault::OrderRecord,
        details: Option<&cardcoins_api::OrderDetails>,
        id: Option<OrderId>,
    ) -> BundledOrder {
        let mut row = ExportRow::from_facts(&crate::OrderFacts::new(record, details));
        row.order_id = id;
        BundledOrder {
            row,
            history: record.history.iter().map(TimelineEntry::from).collect(),
        }
    }
}

impl SupportBundle {
    /// Writes the bundle as one readable (indented) JSON document. Order IDs are written only
    /// with `include_order_ids`, and then only in each order's `order_id` field.
    pub fn write<W: Write>(
        &self,
        include_order_ids: bool,
        created_at: OffsetDateTime,
        mut writer: W,
    ) -> Result<(), RecordsError> {
        let ids: Vec<&OrderId> = self
            .orders
            .iter()
            .filter_map(|order| order.row.order_id.as_ref())
            .chain(&self.other_order_ids)
            .collect();
        let clean = |text: &str| scrub(text, &ids);
        let document = Document {
            bundle: "CardCoins Desktop support bundle",
            format_version: FORMAT_VERSION,
            note: if include_order_ids {
                "Holds no photos. Holds order IDs, as asked: anyone with an order ID controls that order, so send this file to CardCoins support only."
            } else {
                "Holds no photos and no order IDs (those in the texts are cut to their first characters)."
            },
            created_at: utc_seconds(created_at),
            app_version: clean(&self.app_version),
            os: clean(&self.os),
            order_ids_included: include_order_ids,
            report: self.report.lines().map(clean).collect(),
            orders: self
                .orders
                .iter()
                .map(|order| OrderOut::new(order, include_order_ids, &clean))
                .collect(),
            log_tail: self.log_tail.iter().map(|line| clean(line)).collect(),
        };
        serde_json::to_writer_pretty(&mut writer, &document)?;
        writer.write_all(b"\n")?;
        writer.flush()?;
        Ok(())
    }

    /// [`SupportBundle::write`] into a string.
    pub fn to_json(
        &self,
        include_order_ids: bool,
        created_at: OffsetDateTime,
    ) -> Result<String, RecordsError> {
        let mut bytes = Vec::new();
        self.write(include_order_ids, created_at, &mut bytes)?;
        String::from_utf8(bytes).map_err(|_| RecordsError::Json("not UTF-8".to_string()))
    }

    /// A file name to offer in the save dialog: "cardcoins-support-2026-12-03-140500.json".
    pub fn file_name(created_at: OffsetDateTime) -> String {
        let format =
            time::macros::format_description!("[year]-[month]-[day]-[hour][minute][second]");
        let stamp = created_at
            .to_offset(time::UtcOffset::UTC)
            .format(&format)
            .unwrap_or_else(|_| "now".to_string());
        format!("cardcoins-support-{stamp}.json")
    }
}

#[derive(Serialize)]
struct Document {
    bundle: &'static str,
    format_version: u32,
    note: &'static str,
    created_at: Option<String>,
    app_version: String,
    os: String,
    order_ids_included: bool,
    report: Vec<String>,
    orders: Vec<OrderOut>,
    log_tail: Vec<String>,
}

/// An order under the CSV export's column names.
#[derive(Serialize)]
struct OrderOut {
    date: Option<String>,
    card_value_usd: String,
    sats_received: Option<u64>,
    price_usd_per_btc: Option<String>,
    usd_value_at_receipt: Option<String>,
    status: String,
    destination: Option<String>,
    txid_or_payment_hash: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    order_id: Option<String>,
    history: Vec<EntryOut>,
}

#[derive(Serialize)]
struct EntryOut {
    status: String,
    at: Option<String>,
    message: Option<String>,
}

impl OrderOut {
    fn new(
        order: &BundledOrder,
        include_order_ids: bool,
        clean: &dyn Fn(&str) -> String,
    ) -> OrderOut {
        let row = &order.row;
        OrderOut {
            date: row.date.and_then(utc_seconds),
            card_value_usd: dollars(row.card_value),
            sats_received: row.sats.map(|sats| sats.get()),
            price_usd_per_btc: row.price.map(dollars),
            usd_value_at_receipt: row.usd_value_at_receipt().map(dollars),
            status: clean(row.status.as_str()),
            destination: row.destination.as_deref().map(clean),
            txid_or_payment_hash: row.payout.as_ref().map(|payout| clean(payout.as_str())),
            order_id: row
                .order_id
                .as_ref()
                .filter(|_| include_order_ids)
                .map(|id| id.expose_secret().to_string()),
            history: order
                .history
                .iter()
                .map(|entry| EntryOut {
                    status: clean(entry.status.as_str()),
                    at: utc_seconds(entry.at),
                    message: entry.message.as_deref().map(clean),
                })
                .collect(),
        }
    }
}

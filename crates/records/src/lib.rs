//! An order's records, taken out of the app: a CSV for spreadsheets and tax software, BIP-329
//! labels for wallets (Sparrow imports them), and the support bundle a seller sends when
//! something went wrong.
//!
//! An order ID is a bearer secret. Nothing here writes one unless the caller passes
//! `include_order_ids = true`, which the app does only when the person ticks "include order
//! IDs" after being told that anyone with an ID controls the order.

mod bip329;
mod bundle;
mod csv_export;
mod error;
#[cfg(feature = "vault")]
mod facts;
#[cfg(feature = "vault")]
mod receipt;
mod row;
mod scrub;
mod spreadsheet;
mod timestamp;
mod usd;

pub use bip329::{read_bip329, write_bip329, Bip329Label, Bip329Type};
pub use bundle::{BundledOrder, SupportBundle, TimelineEntry};
pub use csv_export::{write_csv, CSV_COLUMNS, ORDER_ID_COLUMN};
pub use error::RecordsError;
#[cfg(feature = "vault")]
pub use facts::{OrderFacts, PayoutDestination};
#[cfg(feature = "vault")]
pub use receipt::{Receipt, ReceiptEntry, ReceiptPayout, ReceiptQuote};
pub use row::{ExportRow, PayoutRef, WalletAddressRef};
pub use usd::{dollars, usd_value_at_receipt};

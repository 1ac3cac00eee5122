//! Times as the records write them.

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// RFC 3339 in UTC to the second ("2026-12-03T14:05:00Z"): spreadsheets read it, and a
/// fraction of a second says nothing about a sale.
pub(crate) fn utc_seconds(moment: OffsetDateTime) -> Option<String> {
    moment
        .to_offset(UtcOffset::UTC)
        .replace_nanosecond(0)
        .ok()?
        .format(&Rfc3339)
        .ok()
}

//! Timestamps are ISO 8601 in the reference; one the client cannot read is dropped rather than
//! failing the whole answer.

use serde::{Deserialize, Deserializer};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

pub(crate) fn lenient<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<OffsetDateTime>, D::Error> {
    let raw = Option::<String>::deserialize(deserializer)?;
    Ok(
        raw.and_then(|text| match OffsetDateTime::parse(text.trim(), &Rfc3339) {
            Ok(moment) => Some(moment),
            Err(error) => {
                tracing::debug!(%error, "ignoring an unreadable timestamp");
                None
            }
        }),
    )
}

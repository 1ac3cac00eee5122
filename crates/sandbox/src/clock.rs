//! Wall-clock time as epoch milliseconds: it survives restarts in the saved state, and the API
//! shows it as ISO 8601 with milliseconds, like the reference ("2021-04-28T23:35:50.977Z").

use std::time::Duration;

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::OffsetDateTime;

pub(crate) type EpochMillis = i64;

const ISO_8601_MILLIS: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");

pub(crate) fn now_millis() -> EpochMillis {
    let nanos = OffsetDateTime::now_utc().unix_timestamp_nanos();
    i64::try_from(nanos / 1_000_000).unwrap_or(i64::MAX)
}

pub(crate) fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

pub(crate) fn to_datetime(at: EpochMillis) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(at) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

pub(crate) fn iso8601(at: EpochMillis) -> String {
    // Formatting a valid UTC date with this description cannot fail; the fallback is never seen.
    to_datetime(at)
        .format(ISO_8601_MILLIS)
        .unwrap_or_else(|_| String::from("1970-01-01T00:00:00.000Z"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_has_milliseconds_and_z() {
        assert_eq!(iso8601(1_619_653_950_977), "2021-04-28T23:52:30.977Z");
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
    }
}

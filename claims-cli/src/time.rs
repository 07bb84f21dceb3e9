//! Instants and durations: parsed from the command line, written for people.

use std::time::{Duration, UNIX_EPOCH};

/// The first second humantime cannot write: year 10000.
const YEAR_10000: u64 = 253_402_300_800;

/// An instant on the command line: Unix seconds, or RFC 3339 (`2024-04-15T12:00:00Z`).
pub(crate) fn parse_instant(text: &str) -> Result<u64, String> {
    if text.is_empty() {
        return Err(
            "no time given: give Unix seconds or an RFC 3339 time such as 2024-04-15T12:00:00Z"
                .into(),
        );
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return text
            .parse()
            .map_err(|_| format!("`{text}` is too large for a Unix time"));
    }
    humantime::parse_rfc3339_weak(text)
        .map_err(|err| {
            format!("`{text}` is not Unix seconds or an RFC 3339 time such as 2024-04-15T12:00:00Z ({err})")
        })?
        .duration_since(UNIX_EPOCH)
        .map(|since| since.as_secs())
        .map_err(|_| format!("`{text}` is before 1970; JWT times are seconds since 1970"))
}

/// A duration on the command line: `60s`, `5m`, `1h 30m`, or whole seconds.
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    if text.is_empty() {
        return Err("no duration given: give one such as 60s, 5m or 1h".into());
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return text
            .parse()
            .map(Duration::from_secs)
            .map_err(|_| format!("`{text}` seconds is too long"));
    }
    humantime::parse_duration(text)
        .map_err(|err| format!("`{text}` is not a duration such as 60s, 5m or 1h ({err})"))
}

/// `secs` (a `NumericDate`) as an RFC 3339 UTC time.
pub(crate) fn utc(secs: u64) -> String {
    if secs >= YEAR_10000 {
        return "after the year 9999".to_owned();
    }
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(secs)).to_string()
}

/// How far `secs` is from `now`, in one rounded unit: `in 45 s`, `3 days ago`, `now`.
pub(crate) fn relative(secs: u64, now: u64) -> String {
    let (gap, future) = if secs >= now {
        (secs - now, true)
    } else {
        (now - secs, false)
    };
    let amount = match gap {
        0 => return "now".to_owned(),
        1..120 => format!("{gap} s"),
        120..7_200 => format!("{} min", gap / 60),
        7_200..172_800 => format!("{} h", gap / 3_600),
        _ => format!("{} days", gap / 86_400),
    };
    if future {
        format!("in {amount}")
    } else {
        format!("{amount} ago")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_unix_seconds_or_rfc_3339() {
        assert_eq!(parse_instant("1666648250"), Ok(1_666_648_250));
        assert_eq!(parse_instant("2022-10-24T21:50:50Z"), Ok(1_666_648_250));
        assert_eq!(
            parse_instant("yesterday"),
            Err("`yesterday` is not Unix seconds or an RFC 3339 time such as 2024-04-15T12:00:00Z (timestamp format is invalid)".into())
        );
        assert_eq!(
            parse_instant("99999999999999999999"),
            Err("`99999999999999999999` is too large for a Unix time".into())
        );
        assert_eq!(
            parse_instant(""),
            Err(
                "no time given: give Unix seconds or an RFC 3339 time such as 2024-04-15T12:00:00Z"
                    .into()
            )
        );
        // humantime refuses years before 1970 itself.
        assert_eq!(
            parse_instant("1969-12-31T23:59:59Z"),
            Err(
                "`1969-12-31T23:59:59Z` is not Unix seconds or an RFC 3339 time such as \
                 2024-04-15T12:00:00Z (numeric component is out of range)"
                    .into()
            )
        );
    }

    #[test]
    fn durations_take_units_or_seconds() {
        assert_eq!(parse_duration("300"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("1h 30m"), Ok(Duration::from_secs(5_400)));
        assert_eq!(
            parse_duration("soon"),
            Err("`soon` is not a duration such as 60s, 5m or 1h (expected number at 0)".into())
        );
        assert_eq!(
            parse_duration(""),
            Err("no duration given: give one such as 60s, 5m or 1h".into())
        );
        assert_eq!(
            parse_duration("99999999999999999999"),
            Err("`99999999999999999999` seconds is too long".into())
        );
    }

    #[test]
    fn times_are_written_for_people() {
        assert_eq!(utc(1_666_648_310), "2022-10-24T21:51:50Z");
        assert_eq!(utc(u64::MAX), "after the year 9999");
        assert_eq!(utc(YEAR_10000 - 1), "9999-12-31T23:59:59Z");
        assert_eq!(relative(160, 100), "in 60 s");
        assert_eq!(relative(100, 100), "now");
        assert_eq!(relative(0, 7_200), "2 h ago");
        assert_eq!(relative(0, 600), "10 min ago");
        assert_eq!(relative(0, 86_400 * 3), "3 days ago");
        assert_eq!(
            relative(u64::MAX, 0),
            format!("in {} days", u64::MAX / 86_400)
        );
    }
}

//! Dates in front matter, in the forms the tools knowledge bases come from
//! write them: `2026-03-02`, `2026/03/02`, `2026-03-02 10:00`,
//! `2026-03-02 10:00:00 +0100` (Jekyll), `2026-03-02T10:00:00` (TOML's
//! local date-time), RFC 3339 (`2026-03-02T10:00:00.5+01:00`, `…Z`) and
//! an English month's name (`Mar 02, 2026`, ABlog's default;
//! `March 2, 2026`). A date or time without a zone is taken as UTC.

use std::fmt;

use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// A point in time written by an author; a plain date means midnight UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// Parses a date, or a date and time, in any of the forms above.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some(date) = named_month_date(text) {
            return Some(Self(
                PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc(),
            ));
        }
        let date = calendar_date(text.get(..10)?)?;
        let rest = &text[10..];
        if rest.is_empty() {
            return Some(Self(
                PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc(),
            ));
        }
        let rest = rest.strip_prefix(['T', 't', ' '])?.trim_start_matches(' ');
        let (time, zone) = time_of_day(rest)?;
        let offset = offset(zone.trim_start_matches(' '))?;
        Some(Self(
            PrimitiveDateTime::new(date, time).assume_offset(offset),
        ))
    }

    /// The calendar date as written, `YYYY-MM-DD`.
    pub fn date(&self) -> String {
        let d = self.0.date();
        format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
    }

    /// RFC 3339, as feeds and sitemaps want it.
    pub fn rfc3339(&self) -> String {
        self.0.format(&Rfc3339).unwrap_or_else(|_| self.date())
    }

    /// The calendar date.
    pub fn calendar_date(&self) -> Date {
        self.0.date()
    }
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`.
fn calendar_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let sep = b[4];
    if !matches!(sep, b'-' | b'/') || b[7] != sep {
        return None;
    }
    let year = digits(&text[..4])?;
    let month = Month::try_from(u8::try_from(digits(&text[5..7])?).ok()?).ok()?;
    let day = u8::try_from(digits(&text[8..10])?).ok()?;
    Date::from_calendar_date(i32::try_from(year).ok()?, month, day).ok()
}

/// `Mar 02, 2026` or `March 2, 2026`: a month's English name or its
/// first three letters, in any case, the day, a comma, the year.
fn named_month_date(text: &str) -> Option<Date> {
    let (month, rest) = text.split_once(' ')?;
    let (day, year) = rest.trim_start().split_once(',')?;
    let month = month.to_ascii_lowercase();
    let number = MONTHS.iter().position(|name| {
        month.len() >= 3 && name.starts_with(&month) && (month.len() == 3 || month == *name)
    })?;
    let month = Month::try_from(u8::try_from(number + 1).ok()?).ok()?;
    let day = u8::try_from(digits(day.trim()).filter(|_| day.trim().len() <= 2)?).ok()?;
    let year = digits(year.trim()).filter(|_| year.trim().len() == 4)?;
    Date::from_calendar_date(i32::try_from(year).ok()?, month, day).ok()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The value of a run of ASCII digits (all of `text`).
fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction`, and what follows.
fn time_of_day(text: &str) -> Option<(Time, &str)> {
    let hour = digits(text.get(..2)?)?;
    let minute = digits(text.get(3..5).filter(|_| text.as_bytes()[2] == b':')?)?;
    let mut rest = &text[5..];
    let mut second = 0;
    let mut nanos = 0;
    if let Some(after) = rest.strip_prefix(':') {
        second = digits(after.get(..2)?)?;
        rest = &after[2..];
        if let Some(after) = rest.strip_prefix(['.', ',']) {
            let len = after.bytes().take_while(u8::is_ascii_digit).count();
            let fraction = &after[..len.min(9)];
            nanos = digits(fraction)? * 10u32.pow(9 - u32::try_from(fraction.len()).ok()?);
            rest = &after[len..];
        }
    }
    let time = Time::from_hms_nano(
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
        nanos,
    )
    .ok()?;
    Some((time, rest))
}

/// `` (UTC), `Z`, `UTC`, `+01:00`, `+0100` or `+01`.
fn offset(zone: &str) -> Option<UtcOffset> {
    if zone.is_empty() || zone.eq_ignore_ascii_case("z") || zone.eq_ignore_ascii_case("utc") {
        return Some(UtcOffset::UTC);
    }
    let sign: i8 = match zone.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let zone = &zone[1..];
    let (hours, minutes) = match zone.len() {
        2 => (zone, "00"),
        4 => (zone.get(..2)?, zone.get(2..)?),
        5 if zone.as_bytes()[2] == b':' => (&zone[..2], &zone[3..]),
        _ => return None,
    };
    let hours = i8::try_from(digits(hours)?).ok().filter(|h| *h < 24)?;
    let minutes = i8::try_from(digits(minutes)?).ok().filter(|m| *m < 60)?;
    UtcOffset::from_hms(sign * hours, sign * minutes, 0).ok()
}

/// Today's date (UTC), for review deadlines and new articles.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.date())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms() {
        let d = Timestamp::parse("2026-03-02").unwrap();
        assert_eq!(d.date(), "2026-03-02");
        assert_eq!(d.rfc3339(), "2026-03-02T00:00:00Z");
        let t = Timestamp::parse("2026-03-02T10:00:00+01:00").unwrap();
        assert_eq!(t.date(), "2026-03-02");
        assert!(t > d);
    }

    #[test]
    fn parses_what_other_tools_write() {
        for (text, rfc3339) in [
            ("2020/12/21", "2020-12-21T00:00:00Z"),
            ("2020-12-21 10:00:00", "2020-12-21T10:00:00Z"),
            ("2020-12-21 10:00", "2020-12-21T10:00:00Z"),
            ("2020-12-21T10:00:00", "2020-12-21T10:00:00Z"),
            ("2020-12-21T10:00:00Z", "2020-12-21T10:00:00Z"),
            ("2020-12-21 10:00:00 +0100", "2020-12-21T10:00:00+01:00"),
            ("2020-12-21 10:00:00 -07:00", "2020-12-21T10:00:00-07:00"),
            (
                "2020-12-21T10:00:00.25+05:30",
                "2020-12-21T10:00:00.25+05:30",
            ),
            ("2024-02-02T04:14:54-08:00", "2024-02-02T04:14:54-08:00"),
            ("2020-12-21 10:00:00 UTC", "2020-12-21T10:00:00Z"),
            ("2020-12-21t10:00:00+01", "2020-12-21T10:00:00+01:00"),
            // ABlog's default (pydata-sphinx-theme's posts were left out).
            ("Jan 01, 2022", "2022-01-01T00:00:00Z"),
            ("september 9,  2021", "2021-09-09T00:00:00Z"),
            ("MAY 31, 2020", "2020-05-31T00:00:00Z"),
        ] {
            let parsed = Timestamp::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(parsed.rfc3339(), rfc3339, "{text}");
        }
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "2026-3-2",
            "2026-02-30",
            "02/03/2026",
            "",
            "2026-03-02T25:00:00Z",
            "2026-03/02",
            "2026-03-02T10",
            "2026-03-02 10:00 +1",
            "2026-03-02x",
            "10:00:00",
            "2026-03-02T10:00:00+25:00",
            "２０２６-03-02",
            "2026-03-02T10:00:00+aé1",
            "Feb 30, 2022",
            "Ma 1, 2022",
            "Janu 1, 2022",
            "Jan 001, 2022",
            "Jan 1, 22",
            "Jan 1 2022",
            "Déc 1, 2022",
        ] {
            assert!(Timestamp::parse(bad).is_none(), "{bad}");
        }
    }
}

//! Dates in front matter: `YYYY-MM-DD` or RFC 3339.

use std::fmt;

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time};

/// A point in time written by an author; a plain date means midnight UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// Parses `2026-03-02` or `2026-03-02T10:00:00+01:00`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Ok(date) = Date::parse(text, format_description!("[year]-[month]-[day]")) {
            return Some(Self(
                PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_utc(),
            ));
        }
        OffsetDateTime::parse(text, &Rfc3339).ok().map(Self)
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
    fn rejects_bad_dates() {
        for bad in [
            "2026-3-2",
            "2026-02-30",
            "02/03/2026",
            "",
            "2026-03-02T25:00:00Z",
        ] {
            assert!(Timestamp::parse(bad).is_none(), "{bad}");
        }
    }
}

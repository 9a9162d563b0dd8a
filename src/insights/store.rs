//! Where events are kept: an embedded SQLite file (the default) or a
//! PostgreSQL database shared by several collectors, with the same table
//! (`migrations/insights/`), migrated when the store opens.
//!
//! sqlx gives both one async API; the few queries here are written once, in
//! SQL both databases read (`$1` placeholders, `CASE`, integer division),
//! and [`on_pool!`] runs each on whichever pool is open. The report's
//! aggregates are computed by the database, so a large table never crosses
//! into memory.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use super::event::Record;

/// An open store.
#[derive(Debug, Clone)]
pub enum Store {
    /// One SQLite file, in write-ahead-log mode.
    Sqlite(SqlitePool),
    /// A PostgreSQL database.
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the open pool, whichever kind it is.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store {
            Store::Sqlite($pool) => $body,
            Store::Postgres($pool) => $body,
        }
    };
}

/// A store that could not be opened or used, with what it concerns.
#[derive(Debug, thiserror::Error)]
#[error("{what}: {source}")]
pub struct StoreError {
    what: String,
    #[source]
    source: sqlx::Error,
}

impl StoreError {
    fn new(what: impl Into<String>) -> impl FnOnce(sqlx::Error) -> StoreError {
        let what = what.into();
        move |source| StoreError { what, source }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        StoreError {
            what: "cannot bring the insights database up to date".into(),
            source: sqlx::Error::Migrate(Box::new(e)),
        }
    }
}

/// Per article and kind of event: how many, their weight, and the helpful ones.
pub type ArticleCount = (String, String, String, i64, f64, i64);
/// Per language and query: searches, with no result, with results but no click.
pub type QueryCount = (String, String, i64, i64, i64);
/// Per week (counted in Mondays since the epoch) and kind: weight and helpful answers.
pub type WeekCount = (i64, String, f64, i64);
/// Per article and flag reason: how many.
pub type FlagCount = (String, String, String, i64);
/// A flag's note: language, article, reason, note, when.
pub type FlagNote = (String, String, String, String, i64);

const INSERT: &str = "INSERT INTO events \
    (at, kind, lang, edition, article, query, results, clicked, rank, helpful, steps, channel, reason, note, weight) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";

/// The sum of the rows' weights, counting a weight outside 1…1000
/// ([`super::event::MAX_WEIGHT`]), infinite or missing as 1: the collector
/// stores none now, but older versions took any sample, and one row must
/// not make every total infinite.
macro_rules! weight_sum {
    () => {
        "SUM(CASE WHEN weight >= 1 AND weight <= 1000 THEN weight ELSE 1 END)"
    };
}

/// Events of every kind about articles, since `$1`.
const ARTICLE_COUNTS: &str = concat!(
    "SELECT kind, lang, article, COUNT(*), ",
    weight_sum!(),
    ", SUM(CASE WHEN helpful = 1 THEN 1 ELSE 0 END) \
    FROM events WHERE at >= $1 AND article IS NOT NULL GROUP BY kind, lang, article"
);

const QUERY_COUNTS: &str = "SELECT lang, query, COUNT(*), \
    SUM(CASE WHEN results = 0 THEN 1 ELSE 0 END), \
    SUM(CASE WHEN results > 0 AND clicked IS NULL THEN 1 ELSE 0 END) \
    FROM events WHERE kind = 'search' AND at >= $1 GROUP BY lang, query";

const WEEK_COUNTS: &str = concat!(
    "SELECT (at - 345600) / 604800, kind, ",
    weight_sum!(),
    ", SUM(CASE WHEN helpful = 1 THEN 1 ELSE 0 END) \
    FROM events WHERE at >= $1 GROUP BY (at - 345600) / 604800, kind"
);

const FLAG_COUNTS: &str = "SELECT lang, article, reason, COUNT(*) FROM events \
    WHERE kind = 'flag' AND at >= $1 GROUP BY lang, article, reason";

const FLAG_NOTES: &str = "SELECT lang, article, reason, note, at FROM events \
    WHERE kind = 'flag' AND note IS NOT NULL AND at >= $1 ORDER BY at DESC, id DESC LIMIT 200";

impl Store {
    /// Opens (creating and migrating) the store `spec` names: a
    /// `postgres://` URL, or the path of a SQLite file.
    pub async fn open(spec: &str) -> Result<Store, StoreError> {
        if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
            let shown = redacted(spec);
            let pool = PgPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                .connect(spec)
                .await
                .map_err(StoreError::new(format!("cannot connect to {shown}")))?;
            sqlx::migrate!("migrations/insights/postgres")
                .run(&pool)
                .await?;
            Ok(Store::Postgres(pool))
        } else {
            let path = Path::new(spec);
            let options = SqliteConnectOptions::from_str("sqlite:")
                .map_err(StoreError::new("cannot open SQLite"))?
                .filename(path)
                .create_if_missing(true)
                // With a write-ahead log, a committed transaction survives
                // the process being killed; NORMAL syncs at checkpoints.
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10));
            let pool = SqlitePoolOptions::new()
                .max_connections(4)
                .connect_with(options)
                .await
                .map_err(StoreError::new(format!("cannot open {}", path.display())))?;
            sqlx::migrate!("migrations/insights/sqlite")
                .run(&pool)
                .await?;
            Ok(Store::Sqlite(pool))
        }
    }

    /// Stores `records` in one transaction: all of them or none.
    pub async fn insert(&self, records: &[Record]) -> Result<(), StoreError> {
        let failed = StoreError::new("cannot store events");
        let result: Result<(), sqlx::Error> = on_pool!(self, pool => async {
            let mut tx = pool.begin().await?;
            for r in records {
                sqlx::query(INSERT)
                    .bind(r.at)
                    .bind(r.kind)
                    .bind(&r.lang)
                    .bind(r.edition)
                    .bind(&r.article)
                    .bind(&r.query)
                    .bind(r.results)
                    .bind(&r.clicked)
                    .bind(r.rank)
                    .bind(r.helpful)
                    .bind(&r.steps)
                    .bind(r.channel)
                    .bind(r.reason)
                    .bind(&r.note)
                    .bind(r.weight)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await
        }.await);
        result.map_err(failed)
    }

    /// Deletes events older than `before` (seconds since the epoch).
    pub async fn prune(&self, before: i64) -> Result<u64, StoreError> {
        let sql = "DELETE FROM events WHERE at < $1";
        let done = on_pool!(self, pool => sqlx::query(sql).bind(before).execute(pool).await.map(|r| r.rows_affected()));
        done.map_err(StoreError::new("cannot delete old events"))
    }

    /// How many events are stored.
    pub async fn count(&self) -> Result<i64, StoreError> {
        let sql = "SELECT COUNT(*) FROM events";
        let n = on_pool!(self, pool => sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await);
        n.map_err(StoreError::new("cannot count events"))
    }

    /// The report's aggregates over events since `since`.
    pub async fn aggregates(&self, since: i64) -> Result<Aggregates, StoreError> {
        let failed = StoreError::new("cannot read events");
        let result: Result<Aggregates, sqlx::Error> = on_pool!(self, pool => async {
            Ok(Aggregates {
                articles: sqlx::query_as(ARTICLE_COUNTS).bind(since).fetch_all(pool).await?,
                queries: sqlx::query_as(QUERY_COUNTS).bind(since).fetch_all(pool).await?,
                weeks: sqlx::query_as(WEEK_COUNTS).bind(since).fetch_all(pool).await?,
                flags: sqlx::query_as(FLAG_COUNTS).bind(since).fetch_all(pool).await?,
                notes: sqlx::query_as(FLAG_NOTES).bind(since).fetch_all(pool).await?,
            })
        }.await);
        result.map_err(failed)
    }

    /// Closes the pool, waiting for connections to finish.
    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await);
    }
}

/// What the report is computed from.
#[derive(Debug, Default)]
pub struct Aggregates {
    /// Events about articles.
    pub articles: Vec<ArticleCount>,
    /// Searches by query.
    pub queries: Vec<QueryCount>,
    /// Events by week.
    pub weeks: Vec<WeekCount>,
    /// Flags by reason.
    pub flags: Vec<FlagCount>,
    /// The latest flags' notes.
    pub notes: Vec<FlagNote>,
}

/// `spec` without its password, for messages.
pub fn redacted(spec: &str) -> String {
    match url::Url::parse(spec) {
        Ok(mut url) if url.password().is_some() => {
            // Setting a password fails only for URLs without a host.
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        _ => spec.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redacted("postgres://kb:s3cret@db.example.com/insights"),
            "postgres://kb:***@db.example.com/insights"
        );
        assert_eq!(redacted("insights.db"), "insights.db");
    }

    #[test]
    fn the_sums_keep_the_weights_the_collector_stores() {
        let bound = format!("weight <= {}", super::super::event::MAX_WEIGHT);
        assert!(weight_sum!().contains(&bound), "{}", weight_sum!());
        for query in [ARTICLE_COUNTS, WEEK_COUNTS] {
            assert!(query.contains(weight_sum!()), "{query}");
        }
    }
}

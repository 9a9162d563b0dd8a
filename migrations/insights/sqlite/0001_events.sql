-- One row per event the help site sent (docs/insights.md). No column holds
-- an address, a user agent, a cookie or any other identifier.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    lang TEXT NOT NULL,
    edition TEXT NOT NULL,
    article TEXT,
    query TEXT,
    results INTEGER,
    clicked TEXT,
    rank INTEGER,
    helpful INTEGER,
    steps TEXT,
    channel TEXT,
    reason TEXT,
    note TEXT,
    weight REAL NOT NULL DEFAULT 1
);
CREATE INDEX events_kind_at ON events (kind, at);
CREATE INDEX events_at ON events (at);

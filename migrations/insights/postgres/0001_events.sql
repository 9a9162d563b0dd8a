-- One row per event the help site sent (docs/insights.md). No column holds
-- an address, a user agent, a cookie or any other identifier. The same
-- table as migrations/insights/sqlite, in PostgreSQL's types.
CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    lang TEXT NOT NULL,
    edition TEXT NOT NULL,
    article TEXT,
    query TEXT,
    results BIGINT,
    clicked TEXT,
    rank BIGINT,
    helpful BIGINT,
    steps TEXT,
    channel TEXT,
    reason TEXT,
    note TEXT,
    weight DOUBLE PRECISION NOT NULL DEFAULT 1
);
CREATE INDEX events_kind_at ON events (kind, at);
CREATE INDEX events_at ON events (at);

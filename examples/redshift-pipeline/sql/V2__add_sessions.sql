-- Sessions, co-located with events on user_id.
CREATE TABLE ${schema}.sessions (
    session_id   VARCHAR(36)  NOT NULL ENCODE zstd,
    user_id      BIGINT       NOT NULL ENCODE az64,
    started_at   TIMESTAMPTZ  NOT NULL ENCODE az64,
    ended_at     TIMESTAMPTZ  ENCODE az64,
    event_count  INTEGER      DEFAULT 0 ENCODE az64
)
DISTSTYLE KEY
DISTKEY (user_id)
SORTKEY (started_at);

-- A small lookup table: a copy on every node avoids redistributing it in joins.
CREATE TABLE ${schema}.event_types (
    event_type   VARCHAR(64)  NOT NULL ENCODE zstd,
    description  VARCHAR(256) ENCODE zstd
)
DISTSTYLE ALL
SORTKEY (event_type);

-- Nullable and without a default: one of the ADD COLUMN forms Redshift accepts on a filled table.
ALTER TABLE ${schema}.events ADD COLUMN session_id VARCHAR(36) ENCODE zstd;

-- Late-binding view: it does not lock the tables it reads, so later migrations can still
-- drop and recreate them.
CREATE VIEW ${schema}.daily_sessions AS
SELECT user_id, CAST(started_at AS DATE) AS day, COUNT(*) AS sessions
FROM ${schema}.sessions
GROUP BY user_id, CAST(started_at AS DATE)
WITH NO SCHEMA BINDING;

-- The analytics schema and its raw event table. ${schema} comes from flyway.placeholders.schema.
CREATE SCHEMA IF NOT EXISTS ${schema};

-- Events are joined to sessions by user, so both tables are distributed on user_id; most queries
-- filter on a time range, so the sort key leads with occurred_at.
CREATE TABLE ${schema}.events (
    event_id     BIGINT IDENTITY(1, 1) ENCODE az64,
    user_id      BIGINT       NOT NULL ENCODE az64,
    event_type   VARCHAR(64)  NOT NULL ENCODE zstd,
    occurred_at  TIMESTAMPTZ  NOT NULL ENCODE az64,
    payload      SUPER,
    loaded_at    TIMESTAMPTZ  DEFAULT GETDATE() ENCODE az64
)
DISTSTYLE KEY
DISTKEY (user_id)
COMPOUND SORTKEY (occurred_at, event_type);

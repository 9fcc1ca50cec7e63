-- prefer-timestamptz
CREATE TABLE events (
    id bigint,
    created_at timestamp NOT NULL DEFAULT now(), -- expect: prefer-timestamptz
    updated_at timestamp(3) without time zone, -- expect: prefer-timestamptz
    seen_at timestamptz,
    due_at timestamp with time zone,
    day date,
    at_time time
);
ALTER TABLE orders ADD COLUMN shipped_at timestamp; -- expect: prefer-timestamptz, require-lock-timeout, require-statement-timeout
ALTER TABLE orders ALTER COLUMN paid_at TYPE timestamp; -- expect: prefer-timestamptz, changing-column-type, combine-alter-table
ALTER TABLE orders ALTER COLUMN paid_at TYPE timestamptz USING paid_at AT TIME ZONE 'UTC'; -- expect: changing-column-type, combine-alter-table
ALTER TABLE orders ADD COLUMN paid_on date; -- expect: combine-alter-table
CREATE TABLE app.timestamp_log (at app.timestamp);

-- require-concurrent-index-creation
CREATE INDEX orders_customer_idx ON orders (customer_id); -- expect: require-concurrent-index-creation, require-lock-timeout, require-statement-timeout
CREATE UNIQUE INDEX IF NOT EXISTS users_email_key ON app.users (lower(email)); -- expect: require-concurrent-index-creation
CREATE INDEX -- expect: require-concurrent-index-creation
    events_created_idx ON events USING brin (created_at);

-- Near misses: concurrent builds, and indexes on tables this migration creates (nobody uses them yet).
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status); -- expect: mixed-transactional-statements, concurrently-with-transactional-lock
CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL);
CREATE INDEX invoices_order_idx ON invoices (order_id);
CREATE TABLE app.audit (id bigint, at timestamptz);
CREATE INDEX audit_at_idx ON app.audit (at);
CREATE INDEX audit_id_idx ON audit (id);
-- Near misses: ON ONLY the partitioned parent (no scan), then each partition concurrently and attached.
CREATE INDEX measurements_at_idx ON ONLY measurements (at);
CREATE UNIQUE INDEX IF NOT EXISTS measurements_id_idx ON ONLY app.measurements (id, at);
ALTER INDEX measurements_at_idx ATTACH PARTITION measurements_2024_at_idx;

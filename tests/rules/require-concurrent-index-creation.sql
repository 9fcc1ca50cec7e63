-- require-concurrent-index-creation
CREATE INDEX orders_customer_idx ON orders (customer_id); -- expect: require-concurrent-index-creation, require-lock-timeout
CREATE UNIQUE INDEX IF NOT EXISTS users_email_key ON app.users (lower(email)); -- expect: require-concurrent-index-creation
CREATE INDEX -- expect: require-concurrent-index-creation
    events_created_idx ON events USING brin (created_at);

-- Near misses: concurrent builds, and indexes on tables this migration creates (nobody uses them yet).
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status); -- expect: mixed-transactional-statements
CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL);
CREATE INDEX invoices_order_idx ON invoices (order_id);
CREATE TABLE app.audit (id bigint, at timestamptz);
CREATE INDEX audit_at_idx ON app.audit (at);
CREATE INDEX audit_id_idx ON audit (id);

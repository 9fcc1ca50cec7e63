-- concurrently-with-transactional-lock (Flyway's default postgresql.transactional.lock=true)
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id); -- expect: concurrently-with-transactional-lock
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON app.users (lower(email)); -- expect: concurrently-with-transactional-lock
-- Near misses: DROP INDEX CONCURRENTLY waits only for the transactions that use the table.
DROP INDEX CONCURRENTLY IF EXISTS orders_customer_old_idx;
DROP INDEX CONCURRENTLY orders_status_old_idx;

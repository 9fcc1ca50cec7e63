-- fixture: opt-in
-- fixture: mixed
-- A CONCURRENTLY index makes Flyway run this script statement by statement, without a transaction.
SET lock_timeout = '2s';
SET statement_timeout = '30min';
CREATE INDEX CONCURRENTLY orders_placed_at ON app.orders (placed_at); -- expect: prefer-robust-statements, concurrently-with-transactional-lock
CREATE TABLE app.audit (id bigint); -- expect: prefer-robust-statements
DROP TABLE app.old_audit; -- expect: prefer-robust-statements, ban-drop-table
ALTER TABLE app.orders ADD COLUMN note text; -- expect: prefer-robust-statements

-- Near misses: statements that can run again.
DROP INDEX CONCURRENTLY IF EXISTS app.orders_total;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_total ON app.orders (total); -- expect: concurrently-with-transactional-lock
CREATE TABLE IF NOT EXISTS app.audit2 (id bigint);
ALTER TABLE app.orders ADD COLUMN IF NOT EXISTS memo text;
DROP TABLE IF EXISTS app.old_audit2; -- expect: ban-drop-table

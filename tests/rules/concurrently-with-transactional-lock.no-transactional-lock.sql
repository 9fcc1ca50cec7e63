-- fixture: no-transactional-lock
-- Near misses: flyway.postgresql.transactional.lock=false, so Flyway's lock is not held in a transaction.
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);

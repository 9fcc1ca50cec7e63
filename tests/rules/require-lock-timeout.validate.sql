-- VALIDATE CONSTRAINT takes a lock that lets reads and writes go on; DROP INDEX does not.
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
SELECT count(*) FROM orders;
DROP INDEX orders_old_idx; -- expect: require-lock-timeout, require-concurrent-index-deletion, require-statement-timeout

-- ban-vacuum-full
VACUUM FULL orders; -- expect: ban-vacuum-full
VACUUM (FULL, ANALYZE) app.orders; -- expect: ban-vacuum-full
CLUSTER orders USING orders_created_idx; -- expect: ban-vacuum-full, mixed-transactional-statements
VACUUM FULL; -- expect: ban-vacuum-full

-- Near misses: plain VACUUM, FULL turned off, ANALYZE, a table this migration created.
VACUUM orders;
VACUUM (ANALYZE, FULL false) orders;
ANALYZE orders;
CREATE TABLE scratch (id bigint);
VACUUM FULL scratch;

-- ban-truncate
TRUNCATE orders; -- expect: ban-truncate, require-lock-timeout, require-statement-timeout
TRUNCATE TABLE app.orders, app.items CASCADE; -- expect: ban-truncate
CREATE TABLE staging (id bigint);
TRUNCATE staging CASCADE; -- expect: ban-truncate

-- Near misses: DELETE, a table this migration created, DROP.
DELETE FROM orders WHERE id < 10; -- expect: statement-after-access-exclusive-lock
TRUNCATE staging;
TRUNCATE ONLY staging RESTART IDENTITY;

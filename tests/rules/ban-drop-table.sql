-- ban-drop-table: DROP TABLE deletes data for good.
DROP TABLE legacy_orders; -- expect: ban-drop-table, require-lock-timeout, require-statement-timeout
DROP TABLE IF EXISTS archive.events CASCADE; -- expect: ban-drop-table
DROP TABLE a, -- expect: ban-drop-table
  b;

-- Near misses: other kinds of DROP, and a scratch table made earlier in this migration.
DROP VIEW legacy_orders_view;
DROP SEQUENCE legacy_orders_seq;
ALTER TABLE orders DROP CONSTRAINT orders_legacy_fk; -- expect: ban-drop-constraint
CREATE TABLE scratch (id bigint);
DROP TABLE scratch;

-- suppression-without-reason
DROP TABLE legacy_orders; -- flyguard:ignore ban-drop-table -- expect: suppression-without-reason, require-lock-timeout, require-statement-timeout
-- flyguard:ignore ban-drop-column --   -- expect: suppression-without-reason
ALTER TABLE orders DROP COLUMN note;
-- flyguard:ignore-file prefer-timestamptz -- expect: suppression-without-reason

-- Near misses: reasons given.
DROP TABLE legacy_items; -- flyguard:ignore ban-drop-table -- archived in ticket 12
-- flyguard:ignore ban-drop-column -- unused since release 41
ALTER TABLE orders DROP COLUMN note2; -- expect: combine-alter-table
CREATE TABLE t (at timestamp);

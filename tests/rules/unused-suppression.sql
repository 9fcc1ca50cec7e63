-- unused-suppression
-- Used: on the line before the statement, at the end of its line, inside it, after its last line.
-- flyguard:ignore ban-drop-table -- archived in ticket 12
DROP TABLE legacy_orders; -- expect: require-lock-timeout, require-statement-timeout
DROP TABLE legacy_items; -- flyguard:ignore ban-drop-table -- archived in ticket 12
ALTER TABLE orders -- flyguard:ignore ban-drop-column -- unused since release 41
    DROP COLUMN note;
ALTER TABLE orders -- expect: combine-alter-table
    DROP COLUMN note2; -- flyguard:ignore ban-drop-column -- the finding is on the statement's first line

-- Unused: the wrong rule, a statement that breaks nothing, one id of two, nothing after it.
-- flyguard:ignore ban-drop-table -- wrong rule -- expect: unused-suppression
ALTER TABLE orders DROP COLUMN total; -- expect: ban-drop-column, combine-alter-table
SELECT 1; -- flyguard:ignore prefer-timestamptz -- nothing to suppress -- expect: unused-suppression
DROP TABLE t1; -- flyguard:ignore ban-drop-table, ban-drop-column -- one applies -- expect: unused-suppression

-- Invalid: an unknown id, a gate, no id at all.
SELECT 2; -- flyguard:ignore ban-drop-tabel -- typo -- expect: invalid-suppression
SELECT 3; -- flyguard:ignore duplicate-version -- gates cannot be suppressed -- expect: invalid-suppression
SELECT 4; -- flyguard:ignore -- forgot the id -- expect: invalid-suppression
-- Not a directive: flyguard:ignored, flyguard:ignore-files.
SELECT 5; -- flyguard:ignored ban-drop-table
-- flyguard:ignore ban-drop-column -- nothing follows -- expect: unused-suppression

-- ban-drop-schema
DROP SCHEMA reporting CASCADE; -- expect: ban-drop-schema
DROP SCHEMA IF EXISTS old_app, older_app; -- expect: ban-drop-schema

-- Near misses: other drops, and a scratch schema created earlier in this migration.
DROP TABLE IF EXISTS reporting.daily; -- expect: ban-drop-table, require-lock-timeout, require-statement-timeout
DROP VIEW reporting.weekly;
CREATE SCHEMA scratch;
DROP SCHEMA scratch;
DROP OWNED BY reporting_role;

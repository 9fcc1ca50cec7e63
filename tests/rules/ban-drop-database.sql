-- ban-drop-database
DROP DATABASE legacy_reports; -- expect: ban-drop-database
DROP DATABASE IF EXISTS scratch WITH (FORCE); -- expect: ban-drop-database

-- Near misses: dropping a schema-level object, a role, a table space of another kind.
DROP VIEW legacy_reports; -- expect: mixed-transactional-statements
DROP ROLE legacy_reports;
DROP SEQUENCE scratch_seq;

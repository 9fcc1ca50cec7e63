-- Not a migration name: Flyway never runs this file.
CREATE TABLE audit_log (id bigint, entry text);

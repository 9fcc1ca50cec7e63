-- fixture: opt-in
-- Near misses: Flyway runs this script in one transaction, so a failure leaves nothing to trip over.
CREATE TABLE app.audit (id bigint);
CREATE SCHEMA reporting;
CREATE TABLE reporting.daily (day date);

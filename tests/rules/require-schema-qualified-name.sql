-- fixture: opt-in
CREATE TABLE invoices (id bigint PRIMARY KEY); -- expect: require-schema-qualified-name
CREATE INDEX invoices_id ON invoices (id); -- expect: require-schema-qualified-name
CREATE VIEW open_invoices AS SELECT id FROM billing.invoices; -- expect: require-schema-qualified-name
CREATE FUNCTION total() RETURNS bigint LANGUAGE sql AS $$ SELECT 1::bigint $$; -- expect: require-schema-qualified-name
DROP VIEW old_view; -- expect: require-schema-qualified-name

-- Near misses: qualified names, temporary tables.
CREATE TABLE billing.payments (id bigint PRIMARY KEY);
CREATE INDEX payments_id ON billing.payments (id);
CREATE VIEW billing.open_payments AS SELECT id FROM billing.payments;
CREATE FUNCTION billing.total() RETURNS bigint LANGUAGE sql AS $$ SELECT 1::bigint $$;
DROP VIEW billing.old_view;
CREATE TEMP TABLE scratch (id bigint);

-- identifier-too-long
CREATE TABLE customer_loyalty_program_membership_tier_history_with_audit_trail (id bigint); -- expect: identifier-too-long
CREATE TABLE accounts (
    id bigint,
    "Preferred Contact Method For Marketing Communications And Newsletters" text -- expect: identifier-too-long
);
ALTER TABLE accounts ADD CONSTRAINT accounts_preferred_contact_method_for_marketing_communications_check -- expect: identifier-too-long
    CHECK (id > 0) NOT VALID;

-- Near misses: exactly 63 bytes, long strings, comments and function bodies.
CREATE TABLE abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefgh (id bigint);
COMMENT ON TABLE accounts IS 'customer_loyalty_program_membership_tier_history_with_audit_trail_text';
-- customer_loyalty_program_membership_tier_history_with_audit_trail_comment
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1 AS customer_loyalty_program_membership_tier_history_with_audit $body$;
SELECT E'it\'s customer_loyalty_program_membership_tier_history_with_audit_trail_text' AS x;

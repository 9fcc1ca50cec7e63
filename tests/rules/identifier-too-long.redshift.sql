-- fixture: dialect=redshift
-- Redshift keeps 127 bytes.
CREATE TABLE customer_loyalty_program_membership_tier_history_with_audit_trail (id bigint);
CREATE TABLE customer_loyalty_program_membership_tier_history_with_audit_trail_customer_loyalty_program_membership_tier_history_and_more_words (id bigint); -- expect: identifier-too-long

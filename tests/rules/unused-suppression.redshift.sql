-- fixture: dialect=redshift
-- A rule that does not apply to the dialect (prefer-bigint-over-int is PostgreSQL only) is not "unused".
CREATE TABLE a (id int); -- flyguard:ignore prefer-bigint-over-int -- shared with the PostgreSQL copy

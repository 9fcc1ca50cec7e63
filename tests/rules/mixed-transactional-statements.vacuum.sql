-- Reported at the first statement of the other kind, as Flyway does.
VACUUM (ANALYZE) users;
VACUUM (ANALYZE) orders;
ANALYZE items; -- expect: mixed-transactional-statements

-- fixture: dialect=redshift
-- VACUUM is recognised by Flyway, which runs the script without a transaction: DROP DATABASE is not
-- refused by Redshift then, but Flyway refuses the mixture (it sees DROP DATABASE as transactional).
VACUUM DELETE ONLY events;
DROP DATABASE scratch; -- expect: ban-drop-database, mixed-transactional-statements

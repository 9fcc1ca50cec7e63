-- fixture: dialect=redshift
-- Near misses: Redshift's VACUUM FULL is its ordinary vacuum.
VACUUM FULL orders;
VACUUM orders;

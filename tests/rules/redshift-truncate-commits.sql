-- fixture: dialect=redshift
INSERT INTO audit VALUES (1);
TRUNCATE staging; -- expect: redshift-truncate-commits, ban-truncate

-- Near misses.
DELETE FROM staging;

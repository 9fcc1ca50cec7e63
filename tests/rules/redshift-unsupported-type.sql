-- fixture: dialect=redshift
CREATE TABLE events (id uuid, payload jsonb); -- expect: redshift-unsupported-type, redshift-unsupported-type
ALTER TABLE events ADD COLUMN source inet; -- expect: redshift-unsupported-type

-- Near misses.
CREATE TABLE events2 (id char(36), payload super, shape geometry, raw varbyte(100), at timestamptz);
ALTER TABLE events2 ADD COLUMN note varchar(200);

-- fixture: dialect=redshift
-- Near misses: in Redshift the declared length sizes the column's storage.
CREATE TABLE users (email varchar(255), country char(2));

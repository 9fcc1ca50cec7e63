-- fixture: dialect=redshift
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(256) UNIQUE); -- expect: redshift-constraint-not-enforced
ALTER TABLE orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES users (id); -- expect: redshift-constraint-not-enforced

-- Near misses.
CREATE TABLE events (id bigint NOT NULL, at timestamptz) DISTKEY (id);
ALTER TABLE events ADD COLUMN kind varchar(20) DEFAULT 'x';

-- disallowed-unique-constraint
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect: disallowed-unique-constraint, require-lock-timeout
ALTER TABLE app.orders ADD PRIMARY KEY (id); -- expect: disallowed-unique-constraint
ALTER TABLE users
    ADD COLUMN nickname text,
    ADD COLUMN handle text UNIQUE; -- expect: disallowed-unique-constraint
ALTER TABLE users ADD CONSTRAINT users_pair_key UNIQUE NULLS NOT DISTINCT (a, b); -- expect: disallowed-unique-constraint

-- Near misses: attaching a prebuilt index, other constraints, an index built concurrently, a new table.
ALTER TABLE users ADD CONSTRAINT users_email_key2 UNIQUE USING INDEX users_email_idx;
ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;
ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;
CREATE UNIQUE INDEX CONCURRENTLY users_handle_idx ON users (handle); -- expect: mixed-transactional-statements
CREATE TABLE teams (id bigint, name text);
ALTER TABLE teams ADD PRIMARY KEY (id), ADD CONSTRAINT teams_name_key UNIQUE (name);

-- disallowed-unique-constraint
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email); -- expect: disallowed-unique-constraint, require-lock-timeout, require-statement-timeout
ALTER TABLE app.orders ADD PRIMARY KEY (id); -- expect: disallowed-unique-constraint
ALTER TABLE users -- expect: combine-alter-table
    ADD COLUMN nickname text,
    ADD COLUMN handle text UNIQUE; -- expect: disallowed-unique-constraint
ALTER TABLE users ADD CONSTRAINT users_pair_key UNIQUE NULLS NOT DISTINCT (a, b); -- expect: disallowed-unique-constraint, combine-alter-table

-- Near misses: attaching a prebuilt index, other constraints, an index built concurrently, a new table.
ALTER TABLE users ADD CONSTRAINT users_email_key2 UNIQUE USING INDEX users_email_idx; -- expect: combine-alter-table
ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx; -- expect: combine-alter-table
ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID; -- expect: combine-alter-table
CREATE UNIQUE INDEX CONCURRENTLY users_handle_idx ON users (handle); -- expect: mixed-transactional-statements, concurrently-with-transactional-lock
CREATE TABLE teams (id bigint, name text);
ALTER TABLE teams ADD PRIMARY KEY (id), ADD CONSTRAINT teams_name_key UNIQUE (name);

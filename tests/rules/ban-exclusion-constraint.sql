-- ban-exclusion-constraint
SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&); -- expect: ban-exclusion-constraint
ALTER TABLE app.shifts -- expect: statement-after-access-exclusive-lock
    ADD COLUMN note text,
    ADD EXCLUDE USING gist (worker_id WITH =, period WITH &&) WHERE (not cancelled); -- expect: ban-exclusion-constraint
-- Near misses: CREATE TABLE, a table created earlier in this migration, other constraints.
CREATE TABLE rooms (id bigint, during tstzrange, EXCLUDE USING gist (id WITH =, during WITH &&));
CREATE TABLE desks (id bigint, during tstzrange);
ALTER TABLE desks ADD CONSTRAINT desks_no_overlap EXCLUDE USING gist (id WITH =, during WITH &&);
ALTER TABLE bookings ADD CONSTRAINT bookings_room_fk FOREIGN KEY (room_id) REFERENCES rooms (id) NOT VALID; -- expect: combine-alter-table

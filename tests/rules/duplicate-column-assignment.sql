-- duplicate-column-assignment
UPDATE users SET email = lower(email), name = 'x', EMAIL = trim(email); -- expect: duplicate-column-assignment
UPDATE users SET tags[1] = 'a', tags = '{}'; -- expect: duplicate-column-assignment
UPDATE users SET (a, b) = (1, 2), b = 3; -- expect: duplicate-column-assignment
INSERT INTO users (id, email, Email) VALUES (1, 'a', 'b'); -- expect: duplicate-column-assignment
CREATE TABLE teams (
    id bigint,
    name text,
    name varchar(10) -- expect: duplicate-column-assignment, prefer-text-field
);
CREATE VIEW team_names (id, id) AS SELECT id, name FROM teams; -- expect: duplicate-column-assignment
ALTER TABLE teams ADD COLUMN owner bigint, ADD COLUMN owner bigint; -- expect: duplicate-column-assignment
-- Near misses: quoted names keep their case, fields and elements of one column, different columns.
UPDATE users SET "Email" = email, email = lower(email);
UPDATE users SET address.city = 'Oslo', address.zip = '0150';
UPDATE users SET tags[1] = 'a', tags[2] = 'b';
INSERT INTO users (id, "ID") VALUES (1, 2);
CREATE TABLE pairs (a bigint, "A" bigint);

-- Each statement parses, and each would hurt a busy production database.
CREATE INDEX users_name_idx ON users (name);
ALTER TABLE users ADD COLUMN status text NOT NULL;
CREATE ROLE reporting LOGIN PASSWORD 's3cret';

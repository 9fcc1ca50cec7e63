-- prefer-text-field
CREATE TABLE users (
    id bigint,
    email varchar(255), -- expect: prefer-text-field
    country char(2), -- expect: prefer-text-field
    flag character, -- expect: prefer-text-field
    name text,
    note varchar,
    kind "char"
);
ALTER TABLE users ADD COLUMN code character varying(20); -- expect: prefer-text-field
ALTER TABLE users ALTER COLUMN note TYPE text;
SELECT name::varchar(10) FROM users;

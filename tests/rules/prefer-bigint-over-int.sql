-- prefer-bigint-over-int
CREATE TABLE events (
    id serial PRIMARY KEY, -- expect: prefer-bigint-over-int, prefer-identity
    account_id integer NOT NULL, -- expect: prefer-bigint-over-int
    kind smallint, -- expect: prefer-bigint-over-int
    legacy int4, -- expect: prefer-bigint-over-int
    tiny smallserial, -- expect: prefer-bigint-over-int, prefer-identity
    total bigint,
    big_id bigserial, -- expect: prefer-identity
    ident bigint GENERATED ALWAYS AS IDENTITY,
    scores int[],
    amount numeric(12, 2)
);
ALTER TABLE events ADD COLUMN retries int NOT NULL DEFAULT 0; -- expect: prefer-bigint-over-int
ALTER TABLE events ALTER COLUMN kind TYPE bigint;
CREATE TABLE custom (v app.int4);

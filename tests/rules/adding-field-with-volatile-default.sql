-- adding-field-with-volatile-default
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- expect: adding-field-with-volatile-default, require-lock-timeout, require-statement-timeout
ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp(); -- expect: adding-field-with-volatile-default, combine-alter-table
ALTER TABLE orders ADD COLUMN shard int DEFAULT (random() * 10)::int; -- expect: adding-field-with-volatile-default, prefer-bigint-over-int, combine-alter-table
ALTER TABLE orders -- expect: combine-alter-table
    ADD COLUMN note text,
    ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED; -- expect: adding-field-with-volatile-default
ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY; -- expect: adding-field-with-volatile-default, combine-alter-table
ALTER TABLE orders ADD COLUMN n bigserial; -- expect: adding-field-with-volatile-default, prefer-identity, combine-alter-table
ALTER TABLE orders ADD COLUMN ref uuid DEFAULT public.uuid_generate_v4(); -- expect: adding-field-with-volatile-default, combine-alter-table

-- Near misses: constant and stable defaults, SET DEFAULT (new rows only), a new table.
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new'; -- expect: combine-alter-table
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now(); -- expect: combine-alter-table
ALTER TABLE orders ADD COLUMN updated_at timestamptz DEFAULT CURRENT_TIMESTAMP; -- expect: combine-alter-table
ALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid(); -- expect: combine-alter-table
CREATE TABLE payments (id bigint);
ALTER TABLE payments ADD COLUMN token uuid DEFAULT gen_random_uuid();

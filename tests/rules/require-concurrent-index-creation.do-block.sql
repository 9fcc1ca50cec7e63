-- A DO block runs its statements during the migration, in its transaction: they are checked where they are.
SET lock_timeout = '2s';
SET statement_timeout = '5s';
CREATE TABLE fresh (id bigint);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'accounts_email') THEN
    CREATE INDEX accounts_email ON accounts (email); -- expect: require-concurrent-index-creation
  END IF;
  CREATE INDEX fresh_id ON fresh (id);
  EXECUTE 'CREATE INDEX orders_total ON orders (total)'; -- expect: require-concurrent-index-creation
  EXECUTE 'CREATE INDEX ' || 'dynamic_name ON orders (placed_at)';
END
$$;
DO $body$ BEGIN PERFORM '$$'; CREATE UNIQUE INDEX u ON users (name); END $body$; -- expect: require-concurrent-index-creation
DO LANGUAGE plpython3u $$ plpy.execute("CREATE INDEX p ON payments (id)") $$;
CREATE FUNCTION later() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE INDEX in_function ON audits (at);
END
$$;

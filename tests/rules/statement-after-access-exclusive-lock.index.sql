-- An index built while readers of the locked table wait.
SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE orders ADD COLUMN shipped_on date;
CREATE INDEX orders_shipped_idx ON orders (shipped_on); -- expect: statement-after-access-exclusive-lock, require-concurrent-index-creation

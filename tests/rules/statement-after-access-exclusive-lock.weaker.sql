-- Near misses: locks weaker than ACCESS EXCLUSIVE (reads go on), and a table being dropped.
SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
ALTER TABLE orders ADD CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id) REFERENCES shops (id) NOT VALID;
DROP TABLE legacy_orders; -- expect: ban-drop-table
CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit();
UPDATE orders SET total = 0 WHERE total IS NULL;
-- An explicit COMMIT ends the transaction and releases the lock.
LOCK TABLE invoices;
COMMIT; -- expect: transaction-nesting
UPDATE invoices SET note = '';

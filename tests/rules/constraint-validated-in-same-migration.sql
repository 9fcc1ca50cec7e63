-- constraint-validated-in-same-migration
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID; -- expect: require-lock-timeout, require-statement-timeout
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk; -- expect: constraint-validated-in-same-migration
ALTER TABLE app.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
UPDATE app.orders SET total = 0 WHERE total < 0; -- expect: statement-after-access-exclusive-lock
ALTER TABLE orders -- expect: constraint-validated-in-same-migration
    VALIDATE CONSTRAINT orders_total_check;

-- Near misses: a constraint added in an earlier migration, the same name on another table, a new table.
ALTER TABLE orders VALIDATE CONSTRAINT orders_shop_fk;
ALTER TABLE invoices VALIDATE CONSTRAINT orders_customer_fk;
CREATE TABLE refunds (id bigint, order_id bigint);
ALTER TABLE refunds ADD CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
ALTER TABLE refunds VALIDATE CONSTRAINT refunds_order_fk;

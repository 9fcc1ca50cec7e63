-- constraint-missing-not-valid
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: constraint-missing-not-valid, require-lock-timeout, require-statement-timeout
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0); -- expect: constraint-missing-not-valid, combine-alter-table
ALTER TABLE orders -- expect: combine-alter-table
    ADD CONSTRAINT orders_paid_check CHECK (paid_at IS NULL OR total > 0) NOT VALID,
    ADD FOREIGN KEY (shop_id) REFERENCES shops (id); -- expect: constraint-missing-not-valid

-- Near misses: NOT VALID, validation, UNIQUE / PRIMARY KEY (which cannot be NOT VALID), new tables.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk2 FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID; -- expect: combine-alter-table
ALTER TABLE orders ADD CONSTRAINT orders_total_check2 CHECK (total >= 0) NOT VALID; -- expect: combine-alter-table
ALTER TABLE orders VALIDATE CONSTRAINT orders_old_fk;
ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_idx;
CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint);
ALTER TABLE refunds ADD CONSTRAINT refunds_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);

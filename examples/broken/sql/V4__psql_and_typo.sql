\echo adding the orders index
CREATE INDEX orders_user_id_idx ON orders (user_id);

SELECT id, name FRM users;

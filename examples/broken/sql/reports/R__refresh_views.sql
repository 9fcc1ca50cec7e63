CREATE OR REPLACE VIEW order_counts AS SELECT user_id, count(*) FROM orders GROUP BY user_id;

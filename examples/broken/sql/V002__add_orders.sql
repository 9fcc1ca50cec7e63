CREATE TABLE orders (id bigint, user_id bigint);

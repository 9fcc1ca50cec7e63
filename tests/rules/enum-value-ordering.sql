-- enum-value-ordering
ALTER TYPE order_status ADD VALUE 'packed' BEFORE 'shipped'; -- expect: enum-value-ordering
ALTER TYPE app.order_status ADD VALUE IF NOT EXISTS 'returned' AFTER 'delivered'; -- expect: enum-value-ordering
-- Near misses: appending, renaming a value, creating the type.
ALTER TYPE order_status ADD VALUE 'archived';
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'lost';
ALTER TYPE order_status RENAME VALUE 'canceled' TO 'cancelled';
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

-- lock_timeout = 0 turns the timeout off.
SET lock_timeout = 0;
UPDATE users SET nickname = name;
TRUNCATE sessions; -- expect: require-lock-timeout, ban-truncate, require-statement-timeout

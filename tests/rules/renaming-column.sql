-- renaming-column
ALTER TABLE users RENAME COLUMN mail TO email; -- expect: renaming-column, require-lock-timeout, require-statement-timeout
ALTER TABLE app.users RENAME nick TO nickname; -- expect: renaming-column

-- Near misses: renaming a table, a view column, a constraint, and a column of a table created here.
ALTER VIEW user_emails RENAME COLUMN mail TO email;
ALTER TABLE users RENAME CONSTRAINT users_mail_check TO users_email_check;
CREATE TABLE drafts (id bigint, body text);
ALTER TABLE drafts RENAME COLUMN body TO text_body;

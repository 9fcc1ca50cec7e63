-- A new table's foreign key locks the table it references, which exists already.
CREATE TABLE drafts (id bigint PRIMARY KEY);
CREATE TABLE draft_notes (id bigint, draft_id bigint REFERENCES drafts (id));
CREATE TABLE tokens ( -- expect: require-lock-timeout, require-statement-timeout
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL,
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

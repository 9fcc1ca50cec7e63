-- prefer-jsonb
CREATE TABLE documents (
    id bigint,
    body json, -- expect: prefer-jsonb
    meta jsonb,
    raw text,
    custom app.json
);
ALTER TABLE documents ADD COLUMN extra json; -- expect: prefer-jsonb
ALTER TABLE documents ALTER COLUMN extra TYPE jsonb USING extra::jsonb;
SELECT body::json FROM documents;

CREATE TABLE documents (id bigint, body jsonb);

CREATE VIEW document_tags AS
SELECT d.id, t.tag
FROM documents d,
     JSON_TABLE(d.body, '$.tags[*]' COLUMNS (tag text PATH '$')) AS t;

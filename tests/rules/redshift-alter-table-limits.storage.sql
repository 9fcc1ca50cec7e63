-- fixture: dialect=redshift
-- The Redshift-only storage ALTERs, checked against the CREATE TABLE of the same file.
CREATE TABLE events (id bigint, kind varchar(20), at timestamptz) DISTSTYLE EVEN COMPOUND SORTKEY (at);
CREATE TABLE clicks (id bigint, at timestamptz) INTERLEAVED SORTKEY (id, at);
CREATE TEMP TABLE scratch (id bigint);
ALTER TABLE events ALTER DISTKEY user_id; -- expect: redshift-alter-table-limits
ALTER TABLE events ALTER DISTSTYLE KEY; -- expect: redshift-alter-table-limits
ALTER TABLE events ALTER DISTSTYLE KEY DISTKEY missing_column; -- expect: redshift-alter-table-limits
ALTER TABLE events ALTER SORTKEY (at, nope); -- expect: redshift-alter-table-limits
ALTER TABLE events ALTER INTERLEAVED SORTKEY (at, kind); -- expect: redshift-alter-table-limits
ALTER TABLE clicks ALTER DISTSTYLE ALL; -- expect: redshift-alter-table-limits
ALTER TABLE scratch ALTER DISTSTYLE ALL; -- expect: redshift-alter-table-limits
ALTER TABLE events ALTER DISTSTYLE RANDOM; -- expect: redshift-alter-table-limits

-- Near misses: the forms Redshift documents.
ALTER TABLE events ALTER DISTKEY id;
ALTER TABLE events ALTER DISTSTYLE KEY DISTKEY "kind";
ALTER TABLE events ALTER COMPOUND SORTKEY (at, kind);
ALTER TABLE events ALTER SORTKEY AUTO;
ALTER TABLE events ALTER SORTKEY NONE;
ALTER TABLE events ALTER SORTKEY (at), ALTER DISTKEY id;
ALTER TABLE events ALTER DISTSTYLE ALL;
ALTER TABLE public.sales ALTER DISTKEY any_column_of_a_table_created_elsewhere;
ALTER TABLE events ALTER ENCODE AUTO;

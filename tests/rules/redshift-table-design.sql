-- fixture: dialect=redshift
-- fixture: opt-in
CREATE TABLE app.page_views (user_id bigint, viewed_at timestamptz); -- expect: redshift-table-design
CREATE TABLE app.wide (id bigint, a varchar(max), b varchar(max), c varchar(max)) DISTKEY (id) SORTKEY (id); -- expect: redshift-table-design

-- Near misses.
CREATE TABLE app.designed (id bigint, day date, note varchar(max)) DISTSTYLE KEY DISTKEY (id) SORTKEY (day);
CREATE TABLE app.chosen (id bigint) DISTSTYLE AUTO SORTKEY AUTO;
CREATE TEMP TABLE scratch (id bigint);

-- fixture: dialect=redshift
CREATE TABLE a (id int, day date) DISTSTYLE EVEN DISTKEY (id); -- expect: redshift-table-attributes
CREATE TABLE b (id int DISTKEY, other int) DISTKEY (other); -- expect: redshift-table-attributes
CREATE TABLE c (id int, day date) SORTKEY (dayy); -- expect: redshift-table-attributes

-- Near misses.
CREATE TABLE d (id int, day date) DISTSTYLE KEY DISTKEY (id) COMPOUND SORTKEY (day, id);
CREATE TABLE e (id int DISTKEY SORTKEY, note varchar(MAX));
CREATE TABLE g (id int) DISTSTYLE AUTO SORTKEY AUTO;
CREATE TABLE f (id int, day date) DISTKEY (ID) INTERLEAVED SORTKEY (day);

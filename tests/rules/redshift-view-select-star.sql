-- fixture: dialect=redshift
-- fixture: opt-in
CREATE VIEW app.active_users AS SELECT * FROM app.users WHERE active; -- expect: redshift-view-select-star

-- Near misses.
CREATE VIEW app.late_users AS SELECT * FROM app.users WITH NO SCHEMA BINDING;
CREATE VIEW app.listed_users AS SELECT id, email FROM app.users;
CREATE VIEW app.counted AS SELECT count(*) FROM app.users;

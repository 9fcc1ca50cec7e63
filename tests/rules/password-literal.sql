-- fixture: placeholder deployer_password=from-the-environment
-- password-literal
CREATE ROLE reporting LOGIN PASSWORD 's3cret'; -- expect: password-literal
CREATE USER deployer WITH ENCRYPTED PASSWORD 'md5a1b2c3'; -- expect: password-literal
ALTER ROLE reporting
    VALID UNTIL 'infinity'
    PASSWORD 'n3w'; -- expect: password-literal
ALTER USER deployer PASSWORD 'x'; -- expect: password-literal
CREATE USER MAPPING FOR app SERVER legacy OPTIONS (user 'app', password 'hunter2'); -- expect: password-literal

-- Near misses: no password, PASSWORD NULL, and a placeholder filled at deploy time.
CREATE ROLE readonly NOLOGIN;
ALTER ROLE reporting PASSWORD NULL;
ALTER ROLE reporting PASSWORD '${reporting_password}'; -- expect: undefined-placeholder
ALTER ROLE deployer PASSWORD '${deployer_password}';
ALTER ROLE reporting CONNECTION LIMIT 5;

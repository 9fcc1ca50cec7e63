-- ban-domain-with-constraint
CREATE DOMAIN email AS text CHECK (VALUE ~ '@'); -- expect: ban-domain-with-constraint
CREATE DOMAIN app.positive AS numeric NOT NULL
    CONSTRAINT positive_check CHECK (VALUE > 0); -- expect: ban-domain-with-constraint
ALTER DOMAIN zip_code ADD CONSTRAINT zip_code_check CHECK (length(VALUE) = 5); -- expect: ban-domain-with-constraint
ALTER DOMAIN zip_code VALIDATE CONSTRAINT zip_code_format; -- expect: ban-domain-with-constraint
ALTER DOMAIN app.zip_code SET NOT NULL; -- expect: ban-domain-with-constraint
-- Near misses: no CHECK, NOT VALID (checks nothing), a domain created in this file, dropping constraints.
CREATE DOMAIN label AS text NOT NULL;
ALTER DOMAIN zip_code ADD CONSTRAINT zip_code_digits CHECK (VALUE ~ '^[0-9]+$') NOT VALID;
ALTER DOMAIN email ADD CONSTRAINT email_length CHECK (length(VALUE) < 255);
ALTER DOMAIN email SET NOT NULL;
ALTER DOMAIN zip_code DROP CONSTRAINT zip_code_old;
ALTER DOMAIN zip_code DROP NOT NULL;

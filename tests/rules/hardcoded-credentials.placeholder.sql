-- fixture: dialect=redshift
-- fixture: placeholder copy_secret=wJalrFROMTHEPIPELINE
-- fixture: placeholder copy_key=AKIAFROMTHEPIPELINE
-- Near miss: the secret comes from a Flyway placeholder at deploy time.
COPY sales FROM 's3://bucket/sales/' ACCESS_KEY_ID '${copy_key}' SECRET_ACCESS_KEY '${copy_secret}';

-- fixture: dialect=redshift
COPY sales FROM 's3://bucket/sales/' CREDENTIALS 'aws_access_key_id=AKIAEXAMPLE;aws_secret_access_key=wJalrEXAMPLE'; -- expect: hardcoded-credentials
COPY sales FROM 's3://bucket/sales/' ACCESS_KEY_ID 'AKIAEXAMPLE' SECRET_ACCESS_KEY 'wJalrEXAMPLE'; -- expect: hardcoded-credentials
UNLOAD ('SELECT * FROM sales') TO 's3://bucket/out/' CREDENTIALS 'aws_access_key_id=AKIAEXAMPLE;aws_secret_access_key=x'; -- expect: hardcoded-credentials

-- Near misses: roles, and placeholders filled by the pipeline.
COPY sales FROM 's3://bucket/sales/' IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftCopy';
COPY sales FROM 's3://bucket/sales/' CREDENTIALS 'aws_iam_role=arn:aws:iam::123456789012:role/RedshiftCopy';
COPY sales FROM 's3://bucket/sales/' IAM_ROLE default FORMAT AS PARQUET;
SELECT 'aws_secret_access_key=not-a-copy';

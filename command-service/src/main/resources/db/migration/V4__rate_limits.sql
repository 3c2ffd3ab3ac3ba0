-- Rate limit buckets shared by every instance of command-service (Watchword issue 3), in Bucket4j's layout for
-- its PostgreSQL SELECT ... FOR UPDATE proxy manager. id: "<action>:ip:<address>" or "<action>:email:<sha-256>",
-- so no email address is stored. expires_at: epoch milliseconds after which the bucket is full again and its
-- row may be deleted.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(255) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);

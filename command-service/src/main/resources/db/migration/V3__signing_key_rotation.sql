-- Issue 3, signing key rotation. A key's life is written into its own row as times, so that every instance
-- derives the same state from the same row and the clock, without a job having to flip states on time:
--   now < activates_at                  next     published in the JWKS, does not sign yet
--   activates_at <= now < retires_at    current  signs (retires_at NULL: until a successor is scheduled)
--   retires_at <= now < withdraws_at    retired  published, no longer signs
--   withdraws_at <= now                 withdrawn: out of the JWKS; the row (and its private key) is deleted
-- private_key_format: 'pkcs8' is the clear PKCS#8 of V1, encrypted in place on start-up; 'a256gcm' is
-- nonce || ciphertext || tag of AES-256-GCM under WATCHWORD_MASTER_KEY with the kid as associated data
-- (OWASP ASVS 5.0 V11.3.2, V13.3.1).
ALTER TABLE signing_key
    ADD COLUMN private_key_format VARCHAR(16) NOT NULL DEFAULT 'pkcs8',
    ADD COLUMN activates_at       TIMESTAMPTZ,
    ADD COLUMN retires_at         TIMESTAMPTZ,
    ADD COLUMN withdraws_at       TIMESTAMPTZ;

UPDATE signing_key SET activates_at = created_at;

-- Before V3 the newest key signed and every key was published. Older keys retire now and stay published for a
-- day, far longer than any access token lifetime, then the first maintenance run after that deletes them.
UPDATE signing_key
SET retires_at = now(), withdraws_at = now() + INTERVAL '1 day'
WHERE kid <> (SELECT kid FROM signing_key ORDER BY created_at DESC, kid LIMIT 1);

-- New rows always state their format: only rows written before V3 may be in clear.
ALTER TABLE signing_key
    ALTER COLUMN private_key_format DROP DEFAULT,
    ALTER COLUMN activates_at SET NOT NULL,
    ADD CONSTRAINT signing_key_private_key_format CHECK (private_key_format IN ('pkcs8', 'a256gcm')),
    ADD CONSTRAINT signing_key_retires_after_activation CHECK (retires_at IS NULL OR retires_at >= activates_at),
    ADD CONSTRAINT signing_key_withdraws_after_retirement
        CHECK (withdraws_at IS NULL OR (retires_at IS NOT NULL AND withdraws_at >= retires_at));

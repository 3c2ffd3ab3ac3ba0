-- Credential hashes out of the audit trail. Before this version command-service published the Argon2id password
-- hash and the hashes of one-time secrets (link tokens, codes, refresh tokens), and the trail stored them with
-- the rest of each payload. No one reads them (responses redact them), and a copy of this database must not be
-- a way to crack a password offline (OWASP ASVS 5.0 V11.4, V14.2.4). They are set to null where present, as
-- command-service now publishes them (dev.watchword.events.envelope.WithheldFields.NAMES) and as the listener
-- strips them from older records still on the topic. Payloads are flat records.
-- Numbered 11: 9 and 10 may be taken by changes merged separately.
update audit_entry
set payload = payload || (select coalesce(jsonb_object_agg(field, 'null'::jsonb), '{}'::jsonb)
                          from jsonb_object_keys(payload) field
                          where field in ('passwordHash', 'tokenHash', 'codeHash', 'refreshTokenHash',
                                          'previousTokenHash'))
where jsonb_typeof(payload) = 'object'
  and (payload ->> 'passwordHash' is not null or payload ->> 'tokenHash' is not null
       or payload ->> 'codeHash' is not null or payload ->> 'refreshTokenHash' is not null
       or payload ->> 'previousTokenHash' is not null);

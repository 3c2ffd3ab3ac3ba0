-- Credential hashes out of the outbox. Before this version command-service published the Argon2id password hash
-- (UserRegistered, PasswordChanged) and the hashes of one-time secrets, and each outbox row kept them in its
-- payload. No email needs them (the sealed encryptedToken/encryptedCode stay: they are what the email carries),
-- and a copy of this database must not be a way to crack a password offline (OWASP ASVS 5.0 V11.4, V14.2.4).
-- Set to null where present, as command-service now publishes them (WithheldFields in the events module).
update outgoing_email
set payload = payload || (select coalesce(jsonb_object_agg(field, 'null'::jsonb), '{}'::jsonb)
                          from jsonb_object_keys(payload) field
                          where field in ('passwordHash', 'tokenHash', 'codeHash', 'refreshTokenHash',
                                          'previousTokenHash'))
where jsonb_typeof(payload) = 'object'
  and (payload ->> 'passwordHash' is not null or payload ->> 'tokenHash' is not null
       or payload ->> 'codeHash' is not null or payload ->> 'refreshTokenHash' is not null
       or payload ->> 'previousTokenHash' is not null);

-- Retention (OWASP ASVS 5.0 V14.2.7: sensitive data kept only as long as needed): rows done with (sent, expired,
-- cancelled) longer than watchword.mail.outbox.retention ago are blanked by OutboxRetention like an erased user's:
-- event id, type, status and times stay, so a redelivered or republished event still finds its row and sends
-- nothing twice. This index lets the pass find them without reading every row.
create index outgoing_email_done on outgoing_email (coalesce(sent_at, created_at))
    where status <> 'PENDING' and recipient is not null;

-- The audit entry of an erasure named the erased user as its actor; the actor is whoever erased (UserErased.erasedBy:
-- an admin's user id, apikey:<key id>, or the user's own id for a self-service deletion), as AuditEntryProjection
-- now records it (OWASP ASVS 5.0 V16.2.1). erasedBy is no personal field, so an erasure never nulled it.
-- Numbered 10, not 9: a migration of the event-stream work is merged separately.
update audit_entry set actor = payload ->> 'erasedBy'
where type = 'UserErased'
  and jsonb_typeof(payload) = 'object'
  and coalesce(btrim(payload ->> 'erasedBy'), '') <> ''
  and actor is distinct from payload ->> 'erasedBy';

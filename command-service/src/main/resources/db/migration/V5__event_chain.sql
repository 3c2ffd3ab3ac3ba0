-- Tamper evidence (Watchword issue 5): a global hash chain over domainevententry, in global-index order,
-- written by the tracking processor event-chain in the same transaction as its token.
--   chain_hash(n) = SHA-256(chain_hash(previous stored event) || canonical bytes of the stored row n),
-- with 32 zero bytes before the first event. Gaps in the global index (rolled-back appends) are skipped.
CREATE TABLE event_chain (
    global_index     BIGINT       NOT NULL PRIMARY KEY,
    event_identifier VARCHAR(255) NOT NULL UNIQUE,
    chain_hash       BYTEA        NOT NULL
);

-- Issue 5, erasure in an immutable log (crypto-shredding): one AES-256 data key per user, sealed with
-- WATCHWORD_MASTER_KEY (AES-GCM, the user id as associated data). The personal fields of the user's stored
-- events are encrypted with it; deleting the user sets sealed_key to NULL, and from then on nobody can read them.
CREATE TABLE personal_data_key (
    user_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    sealed_key   BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    destroyed_at TIMESTAMPTZ
);

-- A documented break of the event chain: the one-time encryption of events stored before V8 changed their bytes,
-- so the chain was computed afresh; the head it had before is kept here, with when and why.
CREATE TABLE event_chain_rebase (
    rebased_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason              VARCHAR(200) NOT NULL,
    events_rewritten    BIGINT       NOT NULL,
    previous_head_index BIGINT,
    previous_head_hash  BYTEA
);

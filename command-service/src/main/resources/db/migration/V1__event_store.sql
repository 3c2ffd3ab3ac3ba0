-- Axon's JDBC storage engine with its default EventSchema/TokenSchema names (unquoted, so lower case here).
-- BIGSERIAL hands out one global index per append: no gaps of 50 as with a JPA sequence allocation size.
CREATE TABLE domainevententry (
    globalindex         BIGSERIAL    NOT NULL PRIMARY KEY,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    "timestamp"         VARCHAR(255) NOT NULL,
    UNIQUE (aggregateidentifier, sequencenumber)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    "timestamp"         VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber)
);

CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorname, segment)
);

-- Set-based validation (AxonIQ's set-based-validation sample): one row per address, written by a subscribing
-- processor in the same transaction as the UserRegistered append, so the unique key decides races.
CREATE TABLE email_registry (
    email   VARCHAR(320) NOT NULL PRIMARY KEY,
    user_id VARCHAR(64)  NOT NULL UNIQUE
);

-- Access-token signing keys. Persisted so tokens survive restarts and verify on every instance.
CREATE TABLE signing_key (
    kid         VARCHAR(128) NOT NULL PRIMARY KEY,
    algorithm   VARCHAR(16)  NOT NULL,
    private_key BYTEA        NOT NULL,
    public_key  BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);

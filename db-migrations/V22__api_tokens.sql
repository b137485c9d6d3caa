-- API tokens (PROTOCOL.md §4): issued by an administrator for an integration, shown once, kept
-- only as a SHA-256 of the secret (the secret is 256 random bits, so no slow hash is needed).
CREATE TABLE api_token (
    id                BIGSERIAL PRIMARY KEY,
    name              VARCHAR(64)  NOT NULL,
    secret_hash       CHAR(64)     NOT NULL UNIQUE,
    prefix            VARCHAR(16)  NOT NULL,
    role              VARCHAR(16)  NOT NULL,
    -- Space-separated scopes; NULL means everything the role allows.
    resources         VARCHAR(512),
    topics            VARCHAR(128),
    created_at        TIMESTAMPTZ  NOT NULL,
    created_by        VARCHAR(64)  NOT NULL,
    expires_at        TIMESTAMPTZ  NOT NULL,
    revoked_at        TIMESTAMPTZ,
    revoked_by        VARCHAR(64),
    last_used_at      TIMESTAMPTZ,
    last_used_address VARCHAR(64)
);

-- A name identifies a live token among those an administrator manages.
CREATE UNIQUE INDEX api_token_live_name ON api_token (lower(name)) WHERE revoked_at IS NULL;

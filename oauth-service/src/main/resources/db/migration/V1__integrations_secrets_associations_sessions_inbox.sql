-- oauth-service schema. Secret values never live in oauth_integration.config: they are sealed (AES-256-GCM, key id
-- stored with each value) in oauth_integration_secret and oauth_session.

CREATE TABLE oauth_integration (
    id               BIGSERIAL PRIMARY KEY,          -- Posit's numeric "id" (a string on the wire)
    guid             UUID        NOT NULL UNIQUE,    -- Posit's "guid": every path uses it
    team_id          TEXT        NOT NULL,           -- the tenant
    name             TEXT,
    description      TEXT,
    template         TEXT        NOT NULL,
    auth_type        TEXT        NOT NULL CHECK (auth_type IN ('Viewer', 'Service Account')),
    config           JSONB       NOT NULL,           -- non-secret settings only
    configuration_id TEXT,
    state            TEXT        NOT NULL CHECK (state IN ('active', 'disabled')),
    disabled_reason  TEXT,
    version          BIGINT      NOT NULL,           -- optimistic locking: a lost race is 409
    created_time     TIMESTAMPTZ NOT NULL,
    updated_time     TIMESTAMPTZ NOT NULL,
    created_by       TEXT        NOT NULL,
    updated_by       TEXT        NOT NULL
);
CREATE INDEX oauth_integration_team ON oauth_integration (team_id, id);
CREATE INDEX oauth_integration_configuration ON oauth_integration (configuration_id) WHERE configuration_id IS NOT NULL;

CREATE TABLE oauth_integration_secret (
    integration_id BIGINT      NOT NULL REFERENCES oauth_integration (id) ON DELETE CASCADE,
    name           TEXT        NOT NULL,             -- the template field, e.g. client_secret
    sealed_value   TEXT        NOT NULL,             -- v1:<keyId>:<base64>
    key_id         TEXT        NOT NULL,
    updated_time   TIMESTAMPTZ NOT NULL,
    updated_by     TEXT        NOT NULL,
    PRIMARY KEY (integration_id, name)
);
CREATE INDEX oauth_integration_secret_key ON oauth_integration_secret (key_id);

CREATE TABLE content_association (
    team_id        TEXT        NOT NULL,
    content_guid   UUID        NOT NULL,
    integration_id BIGINT      NOT NULL REFERENCES oauth_integration (id) ON DELETE CASCADE,
    created_time   TIMESTAMPTZ NOT NULL,
    created_by     TEXT        NOT NULL,
    PRIMARY KEY (team_id, content_guid, integration_id)
);
CREATE INDEX content_association_integration ON content_association (integration_id);

-- Users' OAuth sessions (browser login, token exchange): filled by the token flows (issue 5). Created here so an
-- integration's deletion (API or lifecycle event) already takes its sessions with it.
CREATE TABLE oauth_session (
    id                   BIGSERIAL PRIMARY KEY,
    guid                 UUID        NOT NULL UNIQUE,
    integration_id       BIGINT      NOT NULL REFERENCES oauth_integration (id) ON DELETE CASCADE,
    user_id              TEXT        NOT NULL,
    access_token_sealed  TEXT        NOT NULL,
    refresh_token_sealed TEXT,
    key_id               TEXT        NOT NULL,
    expires_at           TIMESTAMPTZ,
    created_time         TIMESTAMPTZ NOT NULL,
    updated_time         TIMESTAMPTZ NOT NULL,
    UNIQUE (integration_id, user_id)
);
CREATE INDEX oauth_session_key ON oauth_session (key_id);

-- catalog-service schema: integrations, the discovered inventory (resources, permissions, user tags), connectors,
-- the durable discovery job table and the kernel's idempotent inbox.

CREATE TABLE connector (
    team_id    TEXT        NOT NULL,
    id         TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    created_by TEXT        NOT NULL,
    updated_by TEXT        NOT NULL,
    PRIMARY KEY (team_id, id)
);

CREATE TABLE integration (
    id                       TEXT PRIMARY KEY,
    team_id                  TEXT        NOT NULL,
    name                     TEXT        NOT NULL,
    type                     TEXT        NOT NULL,
    category                 TEXT        NOT NULL,
    connector_id             TEXT        NOT NULL,
    status                   TEXT        NOT NULL CHECK (status IN ('Initializing', 'Refreshing', 'Active', 'Warning', 'Error', 'Disabled')),
    status_before_disable    TEXT,
    details                  TEXT,
    last_sync_time           TIMESTAMPTZ,
    integration_config       JSONB       NOT NULL,
    -- aws | gcp | kubernetes | azure | hashicorp_vault | apono; apono values are SecretBox-sealed
    secret_store_kind        TEXT,
    secret_store             JSONB,
    connected_resource_types TEXT[],
    custom_access_details    TEXT,
    owner                    JSONB,
    owners_mapping           JSONB,
    configuration_id         TEXT,
    revision                 BIGINT      NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    created_by               TEXT        NOT NULL,
    updated_by               TEXT        NOT NULL
);
CREATE UNIQUE INDEX integration_team_name ON integration (team_id, lower(name));
CREATE INDEX integration_team_order ON integration (team_id, lower(name), id);
CREATE INDEX integration_configuration ON integration (configuration_id) WHERE configuration_id IS NOT NULL;

CREATE TABLE resource (
    id             TEXT PRIMARY KEY,
    integration_id TEXT        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    external_key   TEXT        NOT NULL,
    name           TEXT        NOT NULL,
    type           TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('Active', 'Error', 'Deleted')),
    message        TEXT,
    seen_job       BIGINT      NOT NULL,
    discovered_at  TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (integration_id, external_key)
);
CREATE INDEX resource_integration_type ON resource (integration_id, type, name);

CREATE TABLE resource_tag (
    resource_id TEXT        NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    key         TEXT        NOT NULL,
    value       TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  TEXT        NOT NULL,
    PRIMARY KEY (resource_id, key)
);

CREATE TABLE permission (
    integration_id TEXT NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    name           TEXT NOT NULL,
    resource_type  TEXT NOT NULL,
    PRIMARY KEY (integration_id, id)
);

-- Durable discovery work: claimed with FOR UPDATE SKIP LOCKED under a lease; a job whose lease expired (its worker
-- died) is claimed again; at most one queued job per integration.
CREATE TABLE discovery_job (
    id             BIGSERIAL PRIMARY KEY,
    integration_id TEXT        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    revision       BIGINT      NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'skipped')),
    attempts       INT         NOT NULL DEFAULT 0,
    lease_owner    TEXT,
    lease_until    TIMESTAMPTZ,
    outcome        TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX discovery_job_one_queued ON discovery_job (integration_id) WHERE state = 'queued';
CREATE INDEX discovery_job_open ON discovery_job (id) WHERE state IN ('queued', 'running');

-- shared-kernel inbox (src/main/resources/db/kernel/inbox.sql)
CREATE TABLE inbox_event (
    event_id         UUID PRIMARY KEY,
    configuration_id TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    version          BIGINT      NOT NULL,
    outcome          TEXT        NOT NULL CHECK (outcome IN ('applied', 'stale')),
    received_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX inbox_event_received ON inbox_event (received_at);

CREATE TABLE configuration_projection (
    configuration_id TEXT PRIMARY KEY,
    state            TEXT        NOT NULL CHECK (state IN ('NONE', 'ACTIVE', 'DISABLED', 'DELETED')),
    reason           TEXT,
    version          BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

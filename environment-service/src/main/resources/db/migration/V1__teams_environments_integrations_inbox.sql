-- environment-service schema: team profiles, environments, integrations, environment integrations (installs with
-- overrides) and the idempotent inbox of the configuration lifecycle (shared-kernel db/kernel/inbox.sql).

CREATE TABLE team_profile (
    id                  TEXT PRIMARY KEY,
    name                TEXT,
    domain              TEXT,
    logo                TEXT,
    is_verified         BOOLEAN     NOT NULL DEFAULT FALSE,
    is_white_label      BOOLEAN     NOT NULL DEFAULT FALSE,
    tos_link            TEXT,
    allow_impersonation BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    created_by          TEXT        NOT NULL,
    updated_by          TEXT        NOT NULL
);

CREATE TABLE environment (
    id         UUID PRIMARY KEY,
    team_id    TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    created_by TEXT        NOT NULL,
    updated_by TEXT        NOT NULL,
    CONSTRAINT environment_team_name UNIQUE (team_id, name)
);
CREATE INDEX environment_page ON environment (created_at, id);

CREATE TABLE integration (
    id         UUID PRIMARY KEY,
    team_id    TEXT        NOT NULL,
    name       TEXT        NOT NULL,
    category   TEXT        NOT NULL,
    is_beta    BOOLEAN     NOT NULL,
    config     JSON        NOT NULL,
    sharing    TEXT        NOT NULL CHECK (sharing IN ('allow', 'ask', 'deny')),
    version    BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    created_by TEXT        NOT NULL,
    updated_by TEXT        NOT NULL,
    CONSTRAINT integration_team_name UNIQUE (team_id, name)
);
CREATE INDEX integration_page ON integration (created_at, id);

CREATE TABLE environment_integration (
    id                    UUID PRIMARY KEY,
    integration_id        UUID        NOT NULL REFERENCES integration (id),
    environment_id        UUID        NOT NULL REFERENCES environment (id),
    show_in_catalog       BOOLEAN     NOT NULL,
    is_enabled            BOOLEAN     NOT NULL,
    override              JSON        NOT NULL,
    configuration_id      TEXT,
    approved              BOOLEAN     NOT NULL,
    configuration_disabled BOOLEAN    NOT NULL,
    disabled_reason       TEXT,
    -- the is_enabled to restore when the configuration is enabled again or the install is approved
    remembered_is_enabled BOOLEAN     NOT NULL,
    version               BIGINT      NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    created_by            TEXT        NOT NULL,
    updated_by            TEXT        NOT NULL,
    CONSTRAINT environment_integration_once UNIQUE (integration_id, environment_id)
);
CREATE INDEX environment_integration_environment ON environment_integration (environment_id);
CREATE INDEX environment_integration_configuration ON environment_integration (configuration_id) WHERE configuration_id IS NOT NULL;
CREATE INDEX environment_integration_page ON environment_integration (created_at, id);

-- config-service schema: the app registry, membership records, configurations and the transactional outbox.

CREATE TABLE app (
    id                 TEXT PRIMARY KEY,
    slug               TEXT        NOT NULL UNIQUE,
    name               TEXT        NOT NULL,
    icon               TEXT,
    scopes             TEXT[]      NOT NULL,
    marketplace        BOOLEAN     NOT NULL,
    partner_team_id    TEXT,
    required_plan      TEXT        NOT NULL CHECK (required_plan IN ('hobby', 'pro', 'enterprise')),
    required_plan_rank SMALLINT    NOT NULL,
    available          BOOLEAN     NOT NULL,
    legacy             BOOLEAN     NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    created_by         TEXT        NOT NULL,
    updated_by         TEXT        NOT NULL
);
CREATE INDEX app_required_plan_rank ON app (required_plan_rank);

CREATE TABLE team (
    id         TEXT PRIMARY KEY,
    slug       TEXT UNIQUE,
    plan       TEXT        NOT NULL CHECK (plan IN ('hobby', 'pro', 'enterprise')),
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT        NOT NULL
);

CREATE TABLE team_member (
    team_id    TEXT        NOT NULL,
    user_id    TEXT        NOT NULL,
    role       TEXT        NOT NULL CHECK (role IN ('OWNER', 'MEMBER', 'DEVELOPER', 'BILLING', 'VIEWER')),
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT        NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE configuration (
    id                           TEXT PRIMARY KEY,
    integration_id               TEXT        NOT NULL REFERENCES app (id),
    slug                         TEXT        NOT NULL,
    owner_id                     TEXT        NOT NULL,
    team_id                      TEXT,
    user_id                      TEXT        NOT NULL,
    scopes                       TEXT[]      NOT NULL,
    project_selection            TEXT        NOT NULL,
    projects                     TEXT[],
    source                       TEXT        NOT NULL,
    installation_type            TEXT        NOT NULL,
    status                       TEXT,
    external_id                  TEXT,
    notification_level           TEXT,
    notification_title           TEXT,
    notification_message         TEXT,
    notification_href            TEXT,
    created_at                   TIMESTAMPTZ NOT NULL,
    updated_at                   TIMESTAMPTZ NOT NULL,
    completed_at                 TIMESTAMPTZ,
    disabled_at                  TIMESTAMPTZ,
    disabled_reason              TEXT,
    delete_requested_at          TIMESTAMPTZ,
    customer_delete_requested_at TIMESTAMPTZ,
    deleted_at                   TIMESTAMPTZ,
    version                      BIGINT      NOT NULL,
    created_by                   TEXT        NOT NULL,
    updated_by                   TEXT        NOT NULL,
    CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL))
);
-- list pages: one owner's live configurations, newest first (keyset on created_at, id)
CREATE INDEX configuration_owner_page ON configuration (owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
-- triggers: a member's configurations in a team; a team's configurations of apps; an app's configurations
CREATE INDEX configuration_team_user ON configuration (team_id, user_id, id) WHERE deleted_at IS NULL;
CREATE INDEX configuration_team_app ON configuration (team_id, integration_id, id) WHERE deleted_at IS NULL;
CREATE INDEX configuration_app ON configuration (integration_id, id) WHERE deleted_at IS NULL;
CREATE INDEX configuration_deletion_requested ON configuration (delete_requested_at, id)
    WHERE deleted_at IS NULL AND delete_requested_at IS NOT NULL;

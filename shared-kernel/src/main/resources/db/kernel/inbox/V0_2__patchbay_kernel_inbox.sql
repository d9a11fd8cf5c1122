-- shared-kernel: the idempotent inbox and the configuration projection (LifecycleInbox). Applied by Flyway from
-- classpath:db/kernel/inbox in every consuming service. IF NOT EXISTS: databases created before this file existed got
-- the same tables from their service's V1.
CREATE TABLE IF NOT EXISTS inbox_event (
    event_id         UUID PRIMARY KEY,
    configuration_id TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    version          BIGINT      NOT NULL,
    outcome          TEXT        NOT NULL CHECK (outcome IN ('applied', 'stale')),
    received_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS inbox_event_received ON inbox_event (received_at);

CREATE TABLE IF NOT EXISTS configuration_projection (
    configuration_id TEXT PRIMARY KEY,
    state            TEXT        NOT NULL CHECK (state IN ('NONE', 'ACTIVE', 'DISABLED', 'DELETED')),
    reason           TEXT,
    version          BIGINT      NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

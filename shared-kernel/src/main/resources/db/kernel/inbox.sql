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

-- Webhooks (Vercel-compatible): registered webhooks, the deliveries written with each configuration change, and the app
-- registry's webhook URL and client secret. Secrets are stored sealed (AES-256-GCM with a key id, the kernel's SecretBox).

ALTER TABLE app ADD COLUMN webhook_url TEXT;
ALTER TABLE app ADD COLUMN client_secret TEXT;

CREATE TABLE webhook (
    id          TEXT PRIMARY KEY,
    owner_id    TEXT        NOT NULL,
    team_id     TEXT,
    url         TEXT        NOT NULL,
    events      TEXT[]      NOT NULL,
    project_ids TEXT[],
    secret      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL
);
-- an owner's webhooks, newest first (the list, and the routing of every change's events)
CREATE INDEX webhook_owner ON webhook (owner_id, created_at DESC, id DESC);

CREATE TABLE webhook_delivery (
    seq              BIGSERIAL PRIMARY KEY,
    id               TEXT        NOT NULL UNIQUE,
    event_id         TEXT        NOT NULL,
    target_kind      TEXT        NOT NULL CHECK (target_kind IN ('webhook', 'app')),
    target_id        TEXT        NOT NULL,
    configuration_id TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER     NOT NULL,
    last_status      INTEGER,
    last_duration_ms BIGINT,
    last_error       TEXT,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    retry_until      TIMESTAMPTZ NOT NULL,
    lease_until      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    version          BIGINT      NOT NULL
);
-- the worker: a target's due deliveries in order, and whether an earlier one of the same configuration is still pending
CREATE INDEX webhook_delivery_due ON webhook_delivery (target_id, next_attempt_at, seq) WHERE state = 'pending';
CREATE INDEX webhook_delivery_pair ON webhook_delivery (target_id, configuration_id, seq) WHERE state = 'pending';
-- the delivery log: a target's deliveries, newest first
CREATE INDEX webhook_delivery_log ON webhook_delivery (target_id, seq DESC);

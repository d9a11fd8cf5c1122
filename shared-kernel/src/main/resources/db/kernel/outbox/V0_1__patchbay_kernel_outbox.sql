-- shared-kernel: the transactional outbox (written by OutboxWriter, published by OutboxRelay). Applied by Flyway from
-- classpath:db/kernel/outbox in every publishing service. IF NOT EXISTS: databases created before this file existed
-- got the same table from their service's V1.
CREATE TABLE IF NOT EXISTS outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    headers      JSONB       NOT NULL,
    payload      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

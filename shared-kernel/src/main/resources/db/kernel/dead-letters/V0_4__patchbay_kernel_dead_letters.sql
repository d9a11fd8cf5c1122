-- shared-kernel: the lifecycle records a consuming service dead-lettered (LifecycleConsumer → DeadLetterStore), so an
-- operator can list, replay and discard them (GET/POST/DELETE /admin/dead-letters). Applied by Flyway from
-- classpath:db/kernel/dead-letters in every consuming service, next to classpath:db/kernel/inbox.
CREATE TABLE IF NOT EXISTS dead_letter (
    id                   UUID PRIMARY KEY,
    -- where the record was read: one row per record of the topic and consumer group
    consumer_group       TEXT        NOT NULL,
    topic                TEXT        NOT NULL,
    kafka_partition      INT         NOT NULL,
    kafka_offset         BIGINT      NOT NULL,
    -- the CloudEvents attributes as far as they could be read (null when the record is not a readable event)
    event_id             UUID,
    event_type           TEXT,
    subject              TEXT,
    -- the record itself, as it was on the topic: what a replay decodes and applies
    record_key           TEXT,
    headers              JSONB       NOT NULL,
    payload              BYTEA,
    -- why it was dead-lettered, secrets scrubbed (SecretScrubber)
    error_class          TEXT        NOT NULL,
    error_message        TEXT        NOT NULL,
    attempts             INT         NOT NULL CHECK (attempts >= 1),
    dead_lettered_at     TIMESTAMPTZ NOT NULL,
    -- false until the copy on the dead-letter topic is acknowledged (the row is written first)
    in_dead_letter_topic BOOLEAN     NOT NULL DEFAULT false,
    -- the last replay, if any
    replayed_at          TIMESTAMPTZ,
    replay_outcome       TEXT CHECK (replay_outcome IN ('applied', 'duplicate', 'stale', 'failed')),
    CONSTRAINT dead_letter_record UNIQUE (consumer_group, topic, kafka_partition, kafka_offset)
);
-- GET /admin/dead-letters: newest first, keyset paging on (dead_lettered_at, id)
CREATE INDEX IF NOT EXISTS dead_letter_newest ON dead_letter (dead_lettered_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS dead_letter_event ON dead_letter (event_id);

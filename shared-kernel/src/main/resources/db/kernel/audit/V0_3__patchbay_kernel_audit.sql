-- shared-kernel: the audit trail (operations.md "Audit trail"), written by JdbcAuditTrail in the transaction of each
-- change and read by GET /audit/events. Applied by Flyway from classpath:db/kernel/audit in every service. Append-only:
-- only the retention job deletes (oldest first, in batches).
CREATE TABLE IF NOT EXISTS audit_event (
    id               UUID PRIMARY KEY,
    occurred_at      TIMESTAMPTZ NOT NULL,
    service          TEXT        NOT NULL,
    action           TEXT        NOT NULL,
    resource_type    TEXT        NOT NULL,
    resource_id      TEXT        NOT NULL,
    team_id          TEXT,
    actor_type       TEXT        NOT NULL CHECK (actor_type IN ('user', 'admin', 'system')),
    actor_id         TEXT        NOT NULL,
    actor_team_id    TEXT,
    cause_event_id   UUID,
    cause_event_type TEXT,
    cause_trigger    TEXT,
    request_id       TEXT,
    changes          JSONB       NOT NULL DEFAULT '{}'::jsonb
);
-- newest first (and keyset paging on (occurred_at, id)) for the unfiltered list, the action/resource_type filters and the
-- retention job's oldest-first deletes; one index per selective filter in the same order
CREATE INDEX IF NOT EXISTS audit_event_newest ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_event_resource ON audit_event (resource_id, occurred_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_event_actor ON audit_event (actor_id, occurred_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_event_team ON audit_event (team_id, occurred_at DESC, id DESC) WHERE team_id IS NOT NULL;

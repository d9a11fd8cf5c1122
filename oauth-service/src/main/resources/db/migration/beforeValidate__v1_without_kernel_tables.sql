-- V1 once also created the shared-kernel inbox tables; they moved to classpath:db/kernel/inbox. A database made
-- before that keeps its tables and only takes V1's new checksum (old 467452271, new -526574801).
DO $$ BEGIN IF to_regclass('flyway_schema_history') IS NOT NULL THEN
    UPDATE flyway_schema_history SET checksum = -526574801 WHERE version = '1' AND checksum = 467452271;
END IF; END $$;

-- V1 once also created the shared-kernel outbox tables; they moved to classpath:db/kernel/outbox. A database made
-- before that keeps its tables and only takes V1's new checksum (old 185306752, new 2079101983).
DO $$ BEGIN IF to_regclass('flyway_schema_history') IS NOT NULL THEN
    UPDATE flyway_schema_history SET checksum = 2079101983 WHERE version = '1' AND checksum = 185306752;
END IF; END $$;

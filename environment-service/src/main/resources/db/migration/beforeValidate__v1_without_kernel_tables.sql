-- V1 once also created the shared-kernel inbox tables; they moved to classpath:db/kernel/inbox. A database made
-- before that keeps its tables and only takes V1's new checksum (old 1045123044, new -659611837).
DO $$ BEGIN IF to_regclass('flyway_schema_history') IS NOT NULL THEN
    UPDATE flyway_schema_history SET checksum = -659611837 WHERE version = '1' AND checksum = 1045123044;
END IF; END $$;

-- V1 once also created the shared-kernel inbox tables; they moved to classpath:db/kernel/inbox. A database made
-- before that keeps its tables and only takes V1's new checksum (old -1628894583, new 2099494955).
DO $$ BEGIN IF to_regclass('flyway_schema_history') IS NOT NULL THEN
    UPDATE flyway_schema_history SET checksum = 2099494955 WHERE version = '1' AND checksum = -1628894583;
END IF; END $$;

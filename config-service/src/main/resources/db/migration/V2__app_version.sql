-- The app row's optimistic lock becomes a version column (Micronaut Data @Version) instead of updated_at: an update in
-- the same millisecond as the one before it no longer slips past the check. Existing apps start at 1, as new ones do.
ALTER TABLE app ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

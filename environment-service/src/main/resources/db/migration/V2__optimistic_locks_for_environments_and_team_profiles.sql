-- A rename of an environment or an update of a team profile that loses a race is 409, never a silent overwrite:
-- both are saved only if their version is still the one that was read.
ALTER TABLE environment ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE team_profile ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

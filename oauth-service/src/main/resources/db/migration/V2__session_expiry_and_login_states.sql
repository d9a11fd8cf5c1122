-- Browser login (authorization code + PKCE): one row per started login, consumed once by the callback.
-- The state itself is not stored, only its SHA-256 (a database reader cannot complete someone's login);
-- the PKCE verifier is sealed like every other secret.
CREATE TABLE oauth_login_state (
    state_hash            TEXT PRIMARY KEY,                 -- base64url(SHA-256(state))
    integration_id        BIGINT      NOT NULL REFERENCES oauth_integration (id) ON DELETE CASCADE,
    user_id               TEXT        NOT NULL,             -- the user who started the login: the session will be theirs
    code_verifier_sealed  TEXT,                             -- null when the integration does not use PKCE
    redirect_uri          TEXT        NOT NULL,
    expires_at            TIMESTAMPTZ NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX oauth_login_state_expiry ON oauth_login_state (expires_at);

-- Sessions answer "who refreshed last" and keep the scope the provider granted.
ALTER TABLE oauth_session ADD COLUMN scope TEXT;
ALTER TABLE oauth_session ADD COLUMN refreshed_count INT NOT NULL DEFAULT 0;
CREATE INDEX oauth_session_user ON oauth_session (user_id);

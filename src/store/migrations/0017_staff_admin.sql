-- One-time password reset links issued by an administrator. Only a hash of the token is stored; a link
-- is single-use (used_at) and expires (24 h); issuing a new link voids the account's earlier ones.
CREATE TABLE password_reset_tokens (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES staff_users (id),
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id);

-- The audit viewer also filters by actor (entity and time are indexed already).
CREATE INDEX audit_log_actor_idx ON audit_log (actor_username, at);

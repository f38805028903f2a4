-- The audit log's hash chain (issue: tampering must be detectable). Entries are sealed in order by a
-- single sealer at a time (advisory lock), after they commit, so writers never wait for each other.
-- No foreign key on purpose: a removed audit row must show up as a broken link, not be prevented silently.
CREATE TABLE audit_seals (
  seq       bigint PRIMARY KEY,
  audit_id  bigint NOT NULL UNIQUE,
  hash      text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

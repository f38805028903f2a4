-- Questions and feedback from citizens (yêu cầu tư vấn, phản ánh kiến nghị — PAKN). The row holds what
-- the sender gave and a cache of what the events derive (status, unit, deadlines) for lists; the truth is
-- the append-only event history, like a dossier's actions. `event_count` is the optimistic-concurrency
-- token: of two officers acting at once, one wins and the other gets 409.
CREATE TABLE feedback (
  province_code        text NOT NULL,
  code                 text NOT NULL,            -- PA-YYMMDD-XXXXXX (src/domain/feedback/tracking-code.ts)
  kind                 text NOT NULL CHECK (kind IN ('question', 'feedback', 'complaint', 'suggestion')),
  channel              text NOT NULL CHECK (channel IN ('portal', 'counter')),
  procedure_code       text,
  procedure_name       text,
  field                text,
  -- The dossier code as the sender typed it, and the dossier it is linked to only when the sender's phone
  -- matched the applicant's: an unverified code is kept for the officer, never linked, never revealed.
  claimed_dossier_code text,
  dossier_code         text,
  full_name            text NOT NULL,
  phone                text NOT NULL,
  email                text,
  text                 text NOT NULL,
  citizen_subject      text,                     -- signed-in citizen (OpenID Connect subject), when known
  submitted_by         text,                     -- officer who entered it at a counter
  submitted_address    text,                     -- client address, for the per-address rate limit
  unit_code            text NOT NULL REFERENCES units (code),
  routing_basis        text NOT NULL CHECK (routing_basis IN ('dossier', 'procedure', 'center')),
  status               text NOT NULL CHECK (status IN ('received', 'accepted', 'refused', 'info_requested', 'answered', 'published')),
  received_at          timestamptz NOT NULL,
  resolve_due_at       timestamptz NOT NULL,     -- the answer deadline (15 working days + waiting time)
  next_due_at          timestamptz,              -- the deadline the unit works towards now (null: nothing open)
  classified_at        timestamptz,
  answered_at          timestamptz,
  published_at         timestamptz,
  answer               text,
  rating_satisfied     boolean,
  rated_at             timestamptz,
  event_count          integer NOT NULL DEFAULT 1,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, code),
  CHECK (char_length(text) BETWEEN 1 AND 5000)
);
CREATE INDEX feedback_unit_idx ON feedback (province_code, unit_code, status, next_due_at);
CREATE INDEX feedback_received_idx ON feedback (province_code, received_at);
CREATE INDEX feedback_address_idx ON feedback (province_code, submitted_address, received_at);
CREATE INDEX feedback_dossier_idx ON feedback (province_code, dossier_code) WHERE dossier_code IS NOT NULL;

-- Every step, appended: who (officer or the citizen), when, status and unit before → after, the text.
CREATE TABLE feedback_events (
  province_code   text NOT NULL,
  feedback_code   text NOT NULL,
  seq             integer NOT NULL,
  type            text NOT NULL,
  at              timestamptz NOT NULL,
  actor_username  text,                          -- null: the citizen
  actor_roles     text[] NOT NULL DEFAULT '{}',
  actor_unit_code text,
  from_status     text,
  to_status       text NOT NULL,
  from_unit_code  text,
  to_unit_code    text NOT NULL,
  text            text,                          -- reason, answer, information asked or given
  payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (province_code, feedback_code, seq),
  FOREIGN KEY (province_code, feedback_code) REFERENCES feedback (province_code, code)
);
CREATE TRIGGER feedback_events_append_only BEFORE UPDATE OR DELETE ON feedback_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Published, anonymised questions and answers (public Q&A), attached to a procedure or a field and
-- searchable accent-insensitively like the catalog (motcua_search_norm from 0003_catalog.sql).
CREATE TABLE feedback_publications (
  province_code  text NOT NULL,
  feedback_code  text NOT NULL,
  procedure_code text,
  field          text,
  kind           text NOT NULL,
  question       text NOT NULL,
  answer         text NOT NULL,
  unit_code      text NOT NULL REFERENCES units (code),
  published_at   timestamptz NOT NULL,
  search_text    text GENERATED ALWAYS AS (motcua_search_norm(question || ' ' || answer || ' ' || coalesce(field, ''))) STORED,
  PRIMARY KEY (province_code, feedback_code),
  FOREIGN KEY (province_code, feedback_code) REFERENCES feedback (province_code, code)
);
CREATE INDEX feedback_publications_procedure_idx ON feedback_publications (province_code, procedure_code, published_at);
CREATE INDEX feedback_publications_search_idx ON feedback_publications USING gin (search_text gin_trgm_ops);
CREATE TRIGGER feedback_publications_append_only BEFORE UPDATE OR DELETE ON feedback_publications
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

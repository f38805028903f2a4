-- Dossiers (hồ sơ): the row holds what intake fixed (who, which procedure version, which units) and a
-- cache of what the actions derive (status, due instant) for lists; the truth is the append-only action
-- history. `action_count` is the optimistic-concurrency token: of two conflicting actions one wins.
CREATE TABLE dossiers (
  province_code        text NOT NULL,
  code                 text NOT NULL,            -- <agency identifier>-<YYMMDD>-<NNNN> (Decree 61 art. 26)
  procedure_code       text NOT NULL,
  procedure_version    integer NOT NULL,
  procedure_name       text NOT NULL,
  channel              text NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
  applicant            jsonb NOT NULL,
  applicant_phone      text NOT NULL,            -- normalised, for the public lookup
  applicant_id_number  text,                     -- normalised CCCD or tax code, for the public lookup
  applicant_commune_code text NOT NULL,
  receiving_unit_code  text NOT NULL REFERENCES units (code),
  competent_unit_code  text NOT NULL REFERENCES units (code),
  return_unit_code     text NOT NULL REFERENCES units (code),
  return_by_post       boolean NOT NULL DEFAULT false,
  received_at          timestamptz NOT NULL,
  received_by          text NOT NULL,
  clock                jsonb NOT NULL,           -- ProcedureClock: legal time limit + supplement policy
  documents            jsonb NOT NULL DEFAULT '[]'::jsonb,
  status               text NOT NULL,
  due_at               timestamptz,
  finished_at          timestamptz,
  action_count         integer NOT NULL DEFAULT 1,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, code),
  FOREIGN KEY (province_code, procedure_code, procedure_version) REFERENCES procedure_versions (province_code, procedure_code, version)
);
CREATE INDEX dossiers_receiving_idx ON dossiers (province_code, receiving_unit_code, status);
CREATE INDEX dossiers_competent_idx ON dossiers (province_code, competent_unit_code, status);
CREATE INDEX dossiers_return_idx ON dossiers (province_code, return_unit_code, status);
CREATE INDEX dossiers_due_idx ON dossiers (province_code, due_at) WHERE finished_at IS NULL;
CREATE INDEX dossiers_received_idx ON dossiers (province_code, received_at);

-- Every step of a dossier, appended (who, role, unit, when, from → to, reason, payload).
CREATE TABLE dossier_actions (
  province_code   text NOT NULL,
  dossier_code    text NOT NULL,
  seq             integer NOT NULL,
  type            text NOT NULL,
  at              timestamptz NOT NULL,
  actor_username  text NOT NULL,
  actor_roles     text[] NOT NULL,
  actor_unit_code text NOT NULL,
  from_status     text,
  to_status       text NOT NULL,
  reason          text,
  payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
  clock_events    jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (province_code, dossier_code, seq),
  FOREIGN KEY (province_code, dossier_code) REFERENCES dossiers (province_code, code)
);
CREATE TRIGGER dossier_actions_append_only BEFORE UPDATE OR DELETE ON dossier_actions
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Gap-free daily sequence per receiving agency identifier: the counter row is locked by the intake's
-- transaction, so a rolled-back intake gives its number back and no two intakes share one.
CREATE TABLE dossier_sequences (
  province_code     text NOT NULL,
  agency_identifier text NOT NULL,
  day               date NOT NULL,
  last_value        integer NOT NULL,
  PRIMARY KEY (province_code, agency_identifier, day)
);

-- Events for notifications and statistics, written in the command's transaction, delivered after.
CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  province_code text NOT NULL,
  topic         text NOT NULL,
  key           text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  delivered_at  timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE delivered_at IS NULL;

-- Foundation: the effective-dated network, staff accounts and sessions, the append-only audit log,
-- idempotency records. Every large table carries the province code (shard-friendly from day one).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- Trung tâm / Chi nhánh / Điểm tiếp nhận / cơ quan có thẩm quyền, valid in [valid_from, valid_to).
CREATE TABLE units (
  code              text PRIMARY KEY,
  province_code     text NOT NULL,
  name              text NOT NULL,
  short_name        text,
  type              text NOT NULL CHECK (type IN ('center', 'branch', 'reception_point', 'agency')),
  agency_level      text CHECK (agency_level IN ('province', 'district', 'commune')),
  parent_code       text REFERENCES units (code),
  area_code         text,            -- GSO code of the administrative area the unit serves
  agency_identifier text,            -- mã định danh QCVN 102:2016 (used in dossier codes)
  address           text,
  valid_from        timestamptz NOT NULL,
  valid_to          timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK ((type = 'agency') = (agency_level IS NOT NULL))
);
CREATE INDEX units_parent_idx ON units (parent_code);
CREATE INDEX units_type_validity_idx ON units (province_code, type, valid_from, valid_to);
CREATE INDEX units_area_idx ON units (area_code);
CREATE INDEX units_name_trgm_idx ON units USING gin (name gin_trgm_ops);

-- Predecessor → successor links (merges and splits are many-to-many).
CREATE TABLE unit_lineage (
  predecessor_code text NOT NULL REFERENCES units (code),
  successor_code   text NOT NULL REFERENCES units (code),
  effective_at     timestamptz NOT NULL,
  plan_id          text,
  PRIMARY KEY (predecessor_code, successor_code)
);
CREATE INDEX unit_lineage_successor_idx ON unit_lineage (successor_code);

CREATE TABLE staff_users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_code text NOT NULL,
  username      text NOT NULL,
  full_name     text NOT NULL,
  unit_code     text NOT NULL REFERENCES units (code),
  roles         text[] NOT NULL CHECK (cardinality(roles) > 0
                  AND roles <@ ARRAY['admin', 'reception', 'processing', 'leader', 'manager']::text[]),
  password_hash text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  is_demo       boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_users_username_idx ON staff_users (lower(username));
CREATE INDEX staff_users_unit_idx ON staff_users (unit_code);

-- Only a hash of the bearer token is stored: a leaked table does not leak sessions.
CREATE TABLE staff_sessions (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES staff_users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  address     text,
  user_agent  text
);
CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id);

-- Sign-in attempts, for the per-account and per-address rate limit shared by every instance.
CREATE TABLE login_attempts (
  id        bigserial PRIMARY KEY,
  username  text NOT NULL,
  address   text NOT NULL,
  succeeded boolean NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_username_idx ON login_attempts (lower(username), at);
CREATE INDEX login_attempts_address_idx ON login_attempts (address, at);

-- Nhật ký: who (username, role, unit) did what, when. Append-only, enforced by the database.
CREATE TABLE audit_log (
  id              bigserial PRIMARY KEY,
  province_code   text NOT NULL,
  at              timestamptz NOT NULL DEFAULT now(),
  actor_username  text,
  actor_roles     text[] NOT NULL DEFAULT '{}',
  actor_unit_code text,
  action          text NOT NULL,
  entity_type     text NOT NULL,
  entity_id       text,
  details         jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id      text,
  address         text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (province_code, at);

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- A retried command with the same key returns the first answer instead of acting twice.
CREATE TABLE idempotency_keys (
  scope       text NOT NULL,          -- who sent it (username or public client)
  key         text NOT NULL,
  command     text NOT NULL,
  request_hash text NOT NULL,
  response    jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

-- The citizen portal: citizens signed in through OpenID Connect (VNeID in production), their sessions,
-- online filings (submitted online = national status 1 until an officer receives them), fee payments
-- with the gateway's signed callbacks, satisfaction ratings (Circular 01/2018 art. 12–13) and the
-- public lookup's per-address attempts (rate limit against enumeration, shared by every instance).

-- A citizen is an OIDC subject of one issuer; the profile is refreshed from the provider at each sign-in.
CREATE TABLE citizens (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_code  text NOT NULL,
  oidc_issuer    text NOT NULL,
  oidc_subject   text NOT NULL,
  full_name      text NOT NULL,
  id_number      text,                 -- CCCD (12 digits) as verified by the identity provider
  phone          text,
  email          text,
  commune_code   text,
  address_detail text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_login_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (oidc_issuer, oidc_subject)
);
CREATE INDEX citizens_id_number_idx ON citizens (province_code, id_number);

-- Citizen sessions are separate from staff sessions: a citizen cookie never opens a staff route.
CREATE TABLE citizen_sessions (
  token_hash  text PRIMARY KEY,
  citizen_id  uuid NOT NULL REFERENCES citizens (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  address     text,
  user_agent  text
);
CREATE INDEX citizen_sessions_citizen_idx ON citizen_sessions (citizen_id);

-- One pending authorization request (state, nonce, PKCE verifier), used once, short-lived. Kept in the
-- database so the callback may land on any instance.
CREATE TABLE oidc_login_requests (
  state          text PRIMARY KEY,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  return_to      text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  used_at        timestamptz
);

-- What the citizen filed online: the form answers, where to receive the result, who filed it.
CREATE TABLE online_filings (
  province_code   text NOT NULL,
  dossier_code    text NOT NULL,
  citizen_id      uuid NOT NULL REFERENCES citizens (id),
  submitted_at    timestamptz NOT NULL,
  online_level    text NOT NULL CHECK (online_level IN ('full', 'partial')),
  case_name       text,
  form            jsonb NOT NULL DEFAULT '{}'::jsonb,
  result_delivery text NOT NULL CHECK (result_delivery IN ('unit', 'online', 'post')),
  postal_address  text,
  fee_amount      integer NOT NULL DEFAULT 0,   -- VND, 0 = nothing to pay online
  PRIMARY KEY (province_code, dossier_code),
  FOREIGN KEY (province_code, dossier_code) REFERENCES dossiers (province_code, code)
);
CREATE INDEX online_filings_citizen_idx ON online_filings (citizen_id, submitted_at DESC);

-- A fee payment through a gateway. One dossier may have several attempts (a failed one, then a new one);
-- at most one succeeds.
CREATE TABLE payments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_code text NOT NULL,
  dossier_code  text NOT NULL,
  gateway       text NOT NULL,
  amount        integer NOT NULL CHECK (amount > 0),
  currency      text NOT NULL DEFAULT 'VND',
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed', 'expired')),
  gateway_ref   text,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  completed_at  timestamptz,
  FOREIGN KEY (province_code, dossier_code) REFERENCES dossiers (province_code, code)
);
CREATE INDEX payments_dossier_idx ON payments (province_code, dossier_code);
CREATE UNIQUE INDEX payments_one_paid_idx ON payments (province_code, dossier_code) WHERE status = 'paid';

-- Every callback the gateway sent, kept once by its transaction id: a replay is recognised, not re-applied.
CREATE TABLE payment_callbacks (
  gateway        text NOT NULL,
  transaction_id text NOT NULL,
  payment_id     uuid NOT NULL REFERENCES payments (id),
  outcome        text NOT NULL,
  received_at    timestamptz NOT NULL,
  payload        jsonb NOT NULL,
  PRIMARY KEY (gateway, transaction_id)
);

-- Satisfaction rating (đánh giá mức độ hài lòng), once per dossier, after the result was returned.
CREATE TABLE dossier_ratings (
  province_code text NOT NULL,
  dossier_code  text NOT NULL,
  rated_at      timestamptz NOT NULL,
  overall       text NOT NULL CHECK (overall IN ('very_satisfied', 'satisfied', 'dissatisfied')),
  criteria      jsonb NOT NULL,          -- the citizen's answers with their 0/1/2 points (art. 13)
  points        integer NOT NULL,
  comment       text,
  via           text NOT NULL CHECK (via IN ('portal', 'lookup', 'kiosk')),
  citizen_id    uuid REFERENCES citizens (id),
  PRIMARY KEY (province_code, dossier_code),
  FOREIGN KEY (province_code, dossier_code) REFERENCES dossiers (province_code, code)
);
CREATE INDEX dossier_ratings_rated_idx ON dossier_ratings (province_code, rated_at);

-- Public lookups by address, for the rate limit against guessing codes and phone numbers.
CREATE TABLE public_lookup_attempts (
  id        bigserial PRIMARY KEY,
  address   text NOT NULL,
  succeeded boolean NOT NULL,
  at        timestamptz NOT NULL
);
CREATE INDEX public_lookup_attempts_address_idx ON public_lookup_attempts (address, at);

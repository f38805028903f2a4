-- Citizen sign-in with a one-time code sent by SMS or e-mail (fallback to the electronic identity, where
-- the province enables it). The code itself is never stored: only a salted scrypt hash. One active code
-- per identifier (a new request supersedes the previous one, enforced by the partial unique index so two
-- instances cannot both issue one); the rows also serve the per-identifier and per-address rate limits.
CREATE TABLE citizen_otp_codes (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_code  text NOT NULL,
  channel        text NOT NULL CHECK (channel IN ('sms', 'email')),
  identifier     text NOT NULL,            -- normalised mobile number, or the e-mail address in lower case
  code_hash      text NOT NULL,            -- scrypt$N$r$p$salt$hash (never the code)
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  attempts       integer NOT NULL DEFAULT 0,
  closed_at      timestamptz,              -- used, superseded by a newer code, or locked after too many attempts
  closed_reason  text CHECK (closed_reason IN ('used', 'superseded', 'locked')),
  address        text NOT NULL             -- the requesting client's address (rate limit, audit)
);
CREATE UNIQUE INDEX citizen_otp_codes_active_idx ON citizen_otp_codes (province_code, identifier) WHERE closed_at IS NULL;
CREATE INDEX citizen_otp_codes_identifier_idx ON citizen_otp_codes (province_code, identifier, created_at);
CREATE INDEX citizen_otp_codes_address_idx ON citizen_otp_codes (address, created_at);

-- A citizen signed in by code sees the dossiers whose applicant gave that phone or e-mail address.
CREATE INDEX dossiers_applicant_phone_idx ON dossiers (province_code, applicant_phone);
CREATE INDEX dossiers_applicant_email_idx ON dossiers (province_code, lower(applicant->>'email'));

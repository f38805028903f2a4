-- Background work inside `motcua serve` (dossier timers, outbox delivery, notification delivery), safe
-- when several instances share one PostgreSQL.

-- A singleton job (the timer scan) runs on one instance at a time: the instance that moves
-- `lease_until` forward holds it; a dead instance's lease simply expires.
CREATE TABLE job_leases (
  name          text PRIMARY KEY,
  holder        text,
  lease_until   timestamptz NOT NULL DEFAULT '-infinity',
  last_started_at  timestamptz,
  last_finished_at timestamptz,
  last_error    text
);

-- Each timer fires once per dossier per promised instant: the key includes the due instant, so an
-- extension or a calendar edit that moves it arms the timers again, and two runners racing on the
-- same dossier insert one row (the loser's ON CONFLICT DO NOTHING tells it to stay silent).
CREATE TABLE dossier_timer_marks (
  province_code text NOT NULL,
  dossier_code  text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('due_soon', 'apology_reminder', 'overdue')),
  due_at        timestamptz NOT NULL,
  marked_at     timestamptz NOT NULL,
  PRIMARY KEY (province_code, dossier_code, kind, due_at),
  FOREIGN KEY (province_code, dossier_code) REFERENCES dossiers (province_code, code)
);

-- Outbox rows are claimed one at a time with FOR UPDATE SKIP LOCKED inside the consumer's transaction
-- (a dead instance's transaction rolls back, which releases the claim). A failing row is retried later
-- with backoff and set aside after too many attempts, so it never blocks the rows behind it.
ALTER TABLE outbox ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE outbox ADD COLUMN last_error text;
ALTER TABLE outbox ADD COLUMN failed_at timestamptz;
DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE delivered_at IS NULL AND failed_at IS NULL;

-- Officers are told in the application itself ('inapp': the recipient is a username), since staff
-- accounts carry no e-mail address or phone.
ALTER TABLE notifications DROP CONSTRAINT notifications_channel_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_channel_check CHECK (channel IN ('email', 'sms', 'inapp'));
CREATE INDEX notifications_inapp_idx ON notifications (province_code, recipient, id) WHERE channel = 'inapp';
CREATE INDEX notifications_provider_ref_idx ON notifications (provider_ref) WHERE provider_ref IS NOT NULL;

-- Messages to citizens and officers (e-mail, SMS), queued in the transaction of the command that
-- causes them and delivered afterwards by a worker that claims rows with FOR UPDATE SKIP LOCKED,
-- so several server instances never send the same message twice.
CREATE TABLE notifications (
  id              bigserial PRIMARY KEY,
  province_code   text NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient       text NOT NULL,
  template        text NOT NULL,
  payload         jsonb NOT NULL,
  -- What the message is about, for the dossier page and the feedback page.
  subject_kind    text,
  subject_code    text,
  -- The same cause never queues the same message twice (e.g. 'dossier:<code>:received:email').
  dedupe_key      text NOT NULL,
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  provider_ref    text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  delivered_at    timestamptz,
  UNIQUE (province_code, dedupe_key)
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'queued';
CREATE INDEX notifications_subject_idx ON notifications (subject_kind, subject_code);

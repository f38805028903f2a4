-- The dossier's workflow beyond its status: the paper file's journey between units, the workflow step
-- it is at (from the procedure version's template), who holds it, and inter-agency sub-dossiers.

-- The paper file's journey (chuyển hồ sơ giấy; Mẫu 05 "Phiếu kiểm soát quá trình"): one row per physical
-- transfer, opened when the papers become ready to leave a unit, with the legal forwarding deadline
-- (Decree 61/2018: within the working day, or the start of the next working day when ready after the
-- cut-off). The sending and the receiving handovers are filled once each; each is also an appended row
-- of the dossier's history (dossier_actions), so this table is the queryable index of that history.
CREATE TABLE paper_transfers (
  province_code       text NOT NULL,
  dossier_code        text NOT NULL,
  seq                 integer NOT NULL,          -- 1, 2, … per dossier
  purpose             text NOT NULL CHECK (purpose IN ('dossier', 'supplement', 'result')),
  from_unit_code      text NOT NULL REFERENCES units (code),
  to_unit_code        text NOT NULL REFERENCES units (code),
  ready_at            timestamptz NOT NULL,
  deadline            timestamptz,               -- null: no legal deadline (results)
  deadline_rule       text,
  sent_by             text,
  sent_unit_code      text,
  sent_at             timestamptz,
  received_by         text,
  received_unit_code  text,
  received_at         timestamptz,
  -- The dossier ended before the papers left (withdrawn or refused at the counter): nothing to send.
  cancelled_at        timestamptz,
  cancel_reason       text,
  PRIMARY KEY (province_code, dossier_code, seq),
  FOREIGN KEY (province_code, dossier_code) REFERENCES dossiers (province_code, code),
  CHECK (sent_at IS NULL OR sent_at >= ready_at),
  CHECK (received_at IS NULL OR (sent_at IS NOT NULL AND received_at >= sent_at))
);
-- Monitoring: papers still to leave a unit (by deadline), papers still to arrive at a unit.
CREATE INDEX paper_transfers_outgoing_idx ON paper_transfers (province_code, from_unit_code, deadline)
  WHERE sent_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX paper_transfers_incoming_idx ON paper_transfers (province_code, to_unit_code, deadline)
  WHERE received_at IS NULL AND cancelled_at IS NULL;

-- Workflow state cached on the dossier for lists and the leader's view (the history stays the truth):
-- the template the dossier follows (snapshot at intake), its current step and that step's deadline,
-- and the officer who holds it.
ALTER TABLE dossiers ADD COLUMN workflow jsonb;
ALTER TABLE dossiers ADD COLUMN current_step text;
ALTER TABLE dossiers ADD COLUMN step_due_at timestamptz;
ALTER TABLE dossiers ADD COLUMN handler_username text;
UPDATE dossiers SET current_step = CASE status
    WHEN 'received' THEN 'forward'
    WHEN 'transferred' THEN 'assign'
    WHEN 'processing' THEN 'process'
    WHEN 'awaiting_supplement' THEN 'process'
    WHEN 'paused' THEN 'process'
    WHEN 'approved' THEN 'approve'
    WHEN 'result_ready' THEN 'deliver_result'
    ELSE NULL END;
CREATE INDEX dossiers_handler_idx ON dossiers (province_code, competent_unit_code, handler_username) WHERE finished_at IS NULL;

-- Inter-agency sub-dossiers (hồ sơ liên thông): the competent agency asks a coordinating agency (cơ quan
-- phối hợp) for its part, with its own deadline. A sub-dossier is NOT a dossier: it lives in its own
-- table, so no dossier list, count or statistic can include it; `parent_code` names the dossier it
-- belongs to. Its opening, answer and closing are appended to the parent's history.
CREATE TABLE sub_dossiers (
  province_code         text NOT NULL,
  code                  text NOT NULL,             -- <parent code>-LT<nn>
  parent_code           text NOT NULL,
  seq                   integer NOT NULL,
  coordinating_unit_code text NOT NULL REFERENCES units (code),
  request               text NOT NULL,             -- what the coordinating agency is asked to do
  budget                jsonb NOT NULL,            -- { unit: 'days'|'hours', value }
  status                text NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
  opened_by             text NOT NULL,
  opened_at             timestamptz NOT NULL,
  due_at                timestamptz NOT NULL,
  assignee_username     text,
  answered_by           text,
  answered_at           timestamptz,
  answer                text,
  closed_by             text,
  closed_at             timestamptz,
  close_reason          text,
  PRIMARY KEY (province_code, code),
  UNIQUE (province_code, parent_code, seq),
  FOREIGN KEY (province_code, parent_code) REFERENCES dossiers (province_code, code)
);
CREATE INDEX sub_dossiers_coordinating_idx ON sub_dossiers (province_code, coordinating_unit_code, due_at) WHERE status = 'open';

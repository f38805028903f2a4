-- Reporting facts (issue 8). Written in the transaction of the dossier command that causes them
-- (services/stats-facts.ts), so a dashboard counts a new intake at once; rebuilt from dossier_actions
-- by `motcua stats rebuild`, which also proves the live rollups match the history.
-- Inter-agency sub-dossiers (a dossier with a parent) are never recorded: the parent carries the count.

-- One row per dossier event that reports count (intake, each action). `outcome` is set on the one
-- action that finished the legal clock (domain.md §5: early / on_time / late). Drill-down lists read it.
CREATE TABLE stats_events (
  province_code       text NOT NULL,
  dossier_code        text NOT NULL,
  seq                 integer NOT NULL,          -- the action's seq (1 = intake)
  action              text NOT NULL,             -- 'intake' or the action type
  at                  timestamptz NOT NULL,
  day                 date NOT NULL,             -- local day (Asia/Ho_Chi_Minh) of `at`
  receiving_unit_code text NOT NULL,
  competent_unit_code text NOT NULL,
  procedure_code      text NOT NULL,
  channel             text NOT NULL,
  outcome             text CHECK (outcome IN ('early', 'on_time', 'late')),
  processing_ms       bigint,                    -- received → finished, on the finishing event
  PRIMARY KEY (province_code, dossier_code, seq)
);
CREATE INDEX stats_events_day_idx ON stats_events (province_code, day, action);

-- Daily rollups per (day × receiving unit × competent agency × procedure × channel), kept by additive
-- upserts: concurrent commands on the same key serialise on that one row and never lose a count.
CREATE TABLE stats_daily (
  province_code        text NOT NULL,
  day                  date NOT NULL,
  receiving_unit_code  text NOT NULL,
  competent_unit_code  text NOT NULL,
  procedure_code       text NOT NULL,
  channel              text NOT NULL,
  received             integer NOT NULL DEFAULT 0,
  finished_early       integer NOT NULL DEFAULT 0,
  finished_on_time     integer NOT NULL DEFAULT 0,
  finished_late        integer NOT NULL DEFAULT 0,
  processing_ms        bigint  NOT NULL DEFAULT 0,  -- Σ received → finished of the dossiers finished that day
  returned             integer NOT NULL DEFAULT 0,
  rejected             integer NOT NULL DEFAULT 0,
  withdrawn            integer NOT NULL DEFAULT 0,
  supplement_requests  integer NOT NULL DEFAULT 0,
  extensions           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, day, receiving_unit_code, competent_unit_code, procedure_code, channel)
);

-- In-progress snapshots at a past instant read dossiers finished after it.
CREATE INDEX dossiers_finished_idx ON dossiers (province_code, finished_at) WHERE finished_at IS NOT NULL;

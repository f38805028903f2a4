-- Restructuring plans (phương án sắp xếp) as data. The network change is written when a plan is
-- accepted (units get validFrom/validTo and lineage, so the network reads right at any date); open work
-- moves to successors at the effective instant (at once when it has passed). A plan not yet in effect
-- can be undone. Re-sending an accepted plan is a no-op; a different plan under the same id is refused.
CREATE TABLE restructure_plans (
  province_code text NOT NULL,
  id            text NOT NULL,
  version       integer NOT NULL,
  title         text NOT NULL,
  plan          jsonb NOT NULL,
  digest        text NOT NULL,
  effective_at  timestamptz NOT NULL,
  status        text NOT NULL CHECK (status IN ('scheduled', 'applied', 'undone')),
  touched       text[] NOT NULL,
  -- What the network looked like before, to undo a scheduled plan exactly.
  undo          jsonb NOT NULL,
  impact        jsonb NOT NULL,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  applied_at    timestamptz,
  undone_at     timestamptz,
  PRIMARY KEY (province_code, id, version)
);
CREATE UNIQUE INDEX restructure_plans_live_idx ON restructure_plans (province_code, id) WHERE status <> 'undone';
CREATE INDEX restructure_plans_due_idx ON restructure_plans (effective_at) WHERE status = 'scheduled';

-- Names and parents a unit had before a plan renamed or moved it (the unit row holds the current ones).
CREATE TABLE unit_revisions (
  code          text NOT NULL REFERENCES units (code),
  changed_at    timestamptz NOT NULL,
  plan_id       text NOT NULL,
  name_before   text NOT NULL,
  parent_before text,
  PRIMARY KEY (code, changed_at, plan_id)
);

-- Fast dashboard summary at scale (issue 8, decision 0026). stats_daily keeps its shape; next to it:
--
-- 1. stats_scope_daily: the same counters per (day × scope unit × channel), where an event counts once
--    under every unit whose subtree holds its receiving OR its competent unit (the contract's scope).
--    A summary of a unit's subtree then reads ≤ 3 rows per day instead of filtering every
--    (unit pair × procedure) row by two lists of codes. Written in the command's transaction next to
--    stats_daily (services/stats-facts.ts), rebuilt and verified by `motcua stats rebuild [--verify]`.
-- 2. stats_scope_closure: the unit tree (unit → each ancestor, itself included) the scope rows were
--    written with. Restructuring re-parents units; a summary uses the scope rows only when the unit's
--    subtree in this closure equals its subtree today, else it falls back to stats_daily (exact, slower)
--    until a rebuild re-derives both from the history and today's tree.
-- 3. stats_open_daily / stats_open_days: in-progress on-time / overdue counts at the end of each ended
--    day, per scope unit × channel, taken by the `stats-snapshots` job (jobs/stats-snapshots.ts) and
--    never changed afterwards; days not taken yet are answered live from the dossiers table.
-- 4. A covering partial index on the open dossiers for the live in-progress count ("now").

CREATE TABLE stats_scope_closure (
  unit_code     text NOT NULL,
  ancestor_code text NOT NULL,
  PRIMARY KEY (unit_code, ancestor_code)
);
CREATE INDEX stats_scope_closure_ancestor_idx ON stats_scope_closure (ancestor_code, unit_code);

CREATE TABLE stats_scope_daily (
  province_code        text NOT NULL,
  scope_unit_code      text NOT NULL,
  day                  date NOT NULL,
  channel              text NOT NULL,
  received             integer NOT NULL DEFAULT 0,
  finished_early       integer NOT NULL DEFAULT 0,
  finished_on_time     integer NOT NULL DEFAULT 0,
  finished_late        integer NOT NULL DEFAULT 0,
  processing_ms        bigint  NOT NULL DEFAULT 0,
  returned             integer NOT NULL DEFAULT 0,
  rejected             integer NOT NULL DEFAULT 0,
  withdrawn            integer NOT NULL DEFAULT 0,
  supplement_requests  integer NOT NULL DEFAULT 0,
  extensions           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (province_code, scope_unit_code, day, channel)
);

-- Days whose end-of-day snapshot was taken (a day with nothing open has a mark and no rows).
CREATE TABLE stats_open_days (
  province_code text NOT NULL,
  day           date NOT NULL,
  taken_at      timestamptz NOT NULL,
  PRIMARY KEY (province_code, day)
);

CREATE TABLE stats_open_daily (
  province_code   text NOT NULL,
  scope_unit_code text NOT NULL,
  day             date NOT NULL,     -- the snapshot instant is 00:00 (Asia/Ho_Chi_Minh) of the next day
  channel         text NOT NULL,
  on_time         integer NOT NULL,
  overdue         integer NOT NULL,
  PRIMARY KEY (province_code, scope_unit_code, day, channel)
);

-- Same key and predicate as dossiers_due_idx (0004), which it replaces (the timers' scan by due_at uses
-- it the same way), plus the columns the in-progress count reads, so that count is an index-only scan.
CREATE INDEX dossiers_open_stats_idx ON dossiers (province_code, due_at)
  INCLUDE (receiving_unit_code, competent_unit_code, channel, status, received_at) WHERE finished_at IS NULL;
DROP INDEX dossiers_due_idx;

-- Backfill from what exists: the closure of today's tree, and the scope rows from stats_daily.
WITH RECURSIVE up AS (
  SELECT code AS unit_code, code AS ancestor_code, parent_code FROM units
  UNION
  SELECT up.unit_code, u.code, u.parent_code FROM up JOIN units u ON u.code = up.parent_code
)
INSERT INTO stats_scope_closure (unit_code, ancestor_code) SELECT unit_code, ancestor_code FROM up;

-- (each unit pair's scope units are found once, then joined by hash to the rollup rows)
WITH pair_scopes AS (
  SELECT p.r, p.c, a.ancestor_code AS scope
  FROM (SELECT DISTINCT receiving_unit_code AS r, competent_unit_code AS c FROM stats_daily) p
  JOIN LATERAL (
    SELECT ancestor_code FROM stats_scope_closure WHERE unit_code = p.r
    UNION
    SELECT ancestor_code FROM stats_scope_closure WHERE unit_code = p.c
  ) a ON true
)
INSERT INTO stats_scope_daily (province_code, scope_unit_code, day, channel, received, finished_early, finished_on_time, finished_late,
  processing_ms, returned, rejected, withdrawn, supplement_requests, extensions)
SELECT s.province_code, ps.scope, s.day, s.channel, sum(s.received), sum(s.finished_early), sum(s.finished_on_time), sum(s.finished_late),
  sum(s.processing_ms), sum(s.returned), sum(s.rejected), sum(s.withdrawn), sum(s.supplement_requests), sum(s.extensions)
FROM stats_daily s JOIN pair_scopes ps ON ps.r = s.receiving_unit_code AND ps.c = s.competent_unit_code
GROUP BY s.province_code, ps.scope, s.day, s.channel;

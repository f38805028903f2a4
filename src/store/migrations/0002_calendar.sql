-- The working calendar as data. The product ships the official 2024–2026 schedules and derives the other
-- years (provisional) from the Labour Code and the lunar calendar; these tables hold what administrators
-- changed or confirmed, which takes precedence. Every change bumps the revision (cache invalidation on
-- every instance) and is audited with who and why.
CREATE TABLE calendar_settings (
  province_code text PRIMARY KEY,
  settings      jsonb NOT NULL,       -- working periods, Saturday reception, forwarding cut-off
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    text
);

CREATE TABLE calendar_years (
  province_code text NOT NULL,
  year          integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  schedule      jsonb NOT NULL,       -- YearSchedule: status, nonWorkingWeekdays, makeupWorkingSaturdays, breaks, basis
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    text,
  reason        text NOT NULL,
  PRIMARY KEY (province_code, year)
);

CREATE TABLE calendar_unit_overrides (
  unit_code  text PRIMARY KEY REFERENCES units (code),
  override   jsonb NOT NULL,          -- UnitCalendarOverride: office hours, Saturday reception, closures
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

CREATE TABLE calendar_revisions (
  province_code text PRIMARY KEY,
  revision      bigint NOT NULL
);

-- Administration of places (đơn vị, hàng đợi): a unit's contact, map position and display screens; each
-- reception unit's priority weights; and the counters / service groups an officer is assigned to.

ALTER TABLE units
  ADD COLUMN phone           text,
  ADD COLUMN email           text,
  ADD COLUMN latitude        double precision CHECK (latitude BETWEEN -90 AND 90),
  ADD COLUMN longitude       double precision CHECK (longitude BETWEEN -180 AND 180),
  -- Waiting-room screens (màn hình hiển thị) of the unit: [{ code, name }].
  ADD COLUMN display_screens jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD CONSTRAINT units_position_both CHECK ((latitude IS NULL) = (longitude IS NULL));

-- A unit's priority weights (head start in minutes per kind, anti-starvation streak); none: the default policy.
CREATE TABLE queue_priority_policies (
  province_code             text NOT NULL,
  unit_code                 text NOT NULL REFERENCES units (code),
  head_start_minutes        jsonb NOT NULL,
  max_consecutive_priority  integer NOT NULL CHECK (max_consecutive_priority BETWEEN 1 AND 20),
  updated_by                text NOT NULL,
  updated_at                timestamptz NOT NULL,
  PRIMARY KEY (province_code, unit_code)
);

-- Counters an officer may sit at and the service groups they serve; empty: any of their unit's.
ALTER TABLE staff_users
  ADD COLUMN counter_codes  text[] NOT NULL DEFAULT '{}',
  ADD COLUMN service_groups text[] NOT NULL DEFAULT '{}';

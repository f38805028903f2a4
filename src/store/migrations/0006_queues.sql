-- Queues at every counter (hàng đợi, số thứ tự): service groups and counters per reception unit,
-- tickets numbered per (unit × group × day), every ticket event appended, appointments booked into slots.

-- Service groups (nhóm dịch vụ) of a unit, each with the prefix of its ticket series and the capacity
-- of its appointment slots.
CREATE TABLE queue_service_groups (
  province_code  text NOT NULL,
  unit_code      text NOT NULL REFERENCES units (code),
  code           text NOT NULL,
  name           text NOT NULL,
  prefix         text NOT NULL CHECK (prefix ~ '^[A-Z]{1,2}$'),
  sort_order     integer NOT NULL DEFAULT 0,
  slot_minutes   integer NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240),
  slot_capacity  integer NOT NULL DEFAULT 4 CHECK (slot_capacity BETWEEN 0 AND 1000),
  active         boolean NOT NULL DEFAULT true,
  PRIMARY KEY (province_code, unit_code, code),
  UNIQUE (province_code, unit_code, prefix)
);

-- Counters (quầy) of a unit, the groups each serves and the officer signed in at it.
CREATE TABLE queue_counters (
  province_code        text NOT NULL,
  unit_code            text NOT NULL REFERENCES units (code),
  code                 text NOT NULL,
  name                 text NOT NULL,
  service_groups       text[] NOT NULL,
  officer_username     text,
  signed_in_at         timestamptz,
  -- How many priority tickets this counter called in a row (the anti-starvation rule reads it).
  priority_streak      integer NOT NULL DEFAULT 0,
  active               boolean NOT NULL DEFAULT true,
  PRIMARY KEY (province_code, unit_code, code)
);
CREATE UNIQUE INDEX queue_counters_officer_idx ON queue_counters (province_code, officer_username) WHERE officer_username IS NOT NULL;

-- Gap-free daily ticket series per (unit × group); the row is locked by the issuing transaction.
CREATE TABLE queue_ticket_series (
  province_code  text NOT NULL,
  unit_code      text NOT NULL,
  service_group  text NOT NULL,
  day            date NOT NULL,
  last_value     integer NOT NULL,
  PRIMARY KEY (province_code, unit_code, service_group, day)
);

-- Tickets (số thứ tự). The row is the current state; queue_ticket_events is the history.
CREATE TABLE queue_tickets (
  province_code        text NOT NULL,
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_code            text NOT NULL REFERENCES units (code),
  day                  date NOT NULL,                -- the province's calendar day it was issued on
  service_group        text NOT NULL,                -- current group (a transfer changes it)
  issued_group         text NOT NULL,                -- the series the number came from
  seq                  integer NOT NULL,
  number               text NOT NULL,                -- 'A-023'
  priority             text NOT NULL DEFAULT 'normal',
  channel              text NOT NULL DEFAULT 'kiosk' CHECK (channel IN ('kiosk', 'counter', 'appointment', 'online')),
  status               text NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'parked', 'finished', 'no_show')),
  issued_at            timestamptz NOT NULL,
  -- Ordering key of the waiting line: the issue instant minus the priority head start.
  rank_at              timestamptz NOT NULL,
  target_counter_code  text,                         -- a transfer to one counter
  counter_code         text,                         -- the counter holding it (called, serving, parked)
  officer_username     text,
  called_at            timestamptz,
  first_called_at      timestamptz,
  call_count           integer NOT NULL DEFAULT 0,
  serving_started_at   timestamptz,
  finished_at          timestamptz,
  appointment_id       uuid,
  dossier_code         text,
  issued_address       text,                         -- the kiosk's address, for the rate limit only
  PRIMARY KEY (province_code, id),
  UNIQUE (province_code, unit_code, issued_group, day, seq)
);
CREATE INDEX queue_tickets_waiting_idx ON queue_tickets (province_code, unit_code, day, rank_at) WHERE status = 'waiting';
CREATE INDEX queue_tickets_counter_idx ON queue_tickets (province_code, unit_code, counter_code) WHERE status IN ('called', 'serving', 'parked');
CREATE INDEX queue_tickets_issued_idx ON queue_tickets (province_code, unit_code, issued_at);
CREATE INDEX queue_tickets_address_idx ON queue_tickets (issued_address, issued_at) WHERE issued_address IS NOT NULL;
CREATE INDEX queue_tickets_finished_idx ON queue_tickets (province_code, unit_code, service_group, finished_at) WHERE status = 'finished';

-- Every event of a ticket (issued, called, recalled, serving, no_show, transferred, parked, resumed,
-- finished), appended: who, which counter, from → to.
CREATE TABLE queue_ticket_events (
  id               bigserial PRIMARY KEY,
  province_code    text NOT NULL,
  ticket_id        uuid NOT NULL,
  unit_code        text NOT NULL,
  type             text NOT NULL,
  at               timestamptz NOT NULL,
  counter_code     text,
  actor_username   text,
  actor_roles      text[] NOT NULL DEFAULT '{}',
  from_status      text,
  to_status        text NOT NULL,
  details          jsonb NOT NULL DEFAULT '{}'::jsonb,
  FOREIGN KEY (province_code, ticket_id) REFERENCES queue_tickets (province_code, id)
);
CREATE INDEX queue_ticket_events_ticket_idx ON queue_ticket_events (province_code, ticket_id, id);
CREATE INDEX queue_ticket_events_unit_idx ON queue_ticket_events (province_code, unit_code, at);
CREATE TRIGGER queue_ticket_events_append_only BEFORE UPDATE OR DELETE ON queue_ticket_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Appointments (lịch hẹn) booked into slots of the unit's calendar; checked in on arrival as a ticket.
CREATE TABLE queue_appointments (
  province_code  text NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  code           text NOT NULL,                      -- short booking code shown to the citizen
  unit_code      text NOT NULL REFERENCES units (code),
  service_group  text NOT NULL,
  slot_start     timestamptz NOT NULL,
  slot_end       timestamptz NOT NULL,
  full_name      text NOT NULL,
  phone          text NOT NULL,                      -- normalised; needed with the code to check in or cancel
  status         text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'checked_in', 'cancelled')),
  ticket_id      uuid,
  created_at     timestamptz NOT NULL,
  checked_in_at  timestamptz,
  PRIMARY KEY (province_code, id),
  UNIQUE (province_code, code)
);
CREATE INDEX queue_appointments_slot_idx ON queue_appointments (province_code, unit_code, service_group, slot_start) WHERE status <> 'cancelled';

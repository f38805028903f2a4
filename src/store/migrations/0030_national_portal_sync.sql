-- Synchronisation of dossier statuses to the national public-service portal (Cổng Dịch vụ công quốc
-- gia), docs/decisions/0030. One row per dossier: the outbox consumer records that the dossier changed
-- (`pending_event_id`, the highest outbox event seen), the sync job sends the dossier's CURRENT state
-- and records what the portal accepted (`synced_*`). A row is due while pending_event_id >
-- synced_event_id; one claim (lease) at a time per dossier, so two states of one dossier are never in
-- flight together and an older state is never sent after a newer one.
CREATE TABLE national_portal_sync (
  province_code      text NOT NULL,
  dossier_code       text NOT NULL,
  pending_event_id   bigint NOT NULL,
  synced_event_id    bigint NOT NULL DEFAULT 0,
  -- The dossier's action count (its history length) in the state the portal accepted; 0 = never synced.
  synced_seq         integer NOT NULL DEFAULT 0,
  synced_status_code smallint,
  synced_due_at      timestamptz,
  synced_at          timestamptz,
  -- Failed attempts since the last success (counted when claimed), for the backoff.
  attempts           integer NOT NULL DEFAULT 0,
  next_attempt_at    timestamptz NOT NULL,
  lease_until        timestamptz,
  claim_token        text,
  last_error         text,
  PRIMARY KEY (province_code, dossier_code),
  FOREIGN KEY (province_code, dossier_code) REFERENCES dossiers (province_code, code)
);
CREATE INDEX national_portal_sync_due_idx ON national_portal_sync (province_code, next_attempt_at)
  WHERE pending_event_id > synced_event_id;

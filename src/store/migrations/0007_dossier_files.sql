-- Scanned attachments of dossiers (bản điện tử của thành phần hồ sơ, Decree 61 art. 15; Circular 01/2023
-- on digitisation). The bytes live in the content-addressed blob store under their SHA-256; a row here
-- says which dossier and which checklist item a scan belongs to, who uploaded it and when. One row per
-- upload command (idempotency key); the same bytes uploaded twice share one blob. Rows are evidence of
-- what the citizen handed in: never updated, never deleted.
CREATE TABLE dossier_attachments (
  province_code     text NOT NULL,
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  dossier_code      text NOT NULL,
  document_name     text,                       -- the checklist item (thành phần hồ sơ), null = other
  file_name         text NOT NULL,
  media_type        text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes        integer NOT NULL CHECK (size_bytes > 0),
  sha256            text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploader_kind     text NOT NULL CHECK (uploader_kind IN ('staff', 'citizen')),
  uploader_id       text NOT NULL,              -- staff username or citizen id
  uploader_name     text NOT NULL,
  uploader_unit_code text,                      -- the officer's unit; null for a citizen
  uploaded_at       timestamptz NOT NULL,
  PRIMARY KEY (province_code, id),
  FOREIGN KEY (province_code, dossier_code) REFERENCES dossiers (province_code, code)
);
CREATE INDEX dossier_attachments_dossier_idx ON dossier_attachments (province_code, dossier_code, uploaded_at);
CREATE INDEX dossier_attachments_sha256_idx ON dossier_attachments (sha256);
CREATE TRIGGER dossier_attachments_append_only BEFORE UPDATE OR DELETE ON dossier_attachments
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

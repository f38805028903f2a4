-- Files sent with a question or feedback (tệp đính kèm của phản ánh, kiến nghị): a photo of the paper the
-- officer asked for, a scan of a receipt. Same blob store and same rules as dossier scans (0007): bytes
-- addressed by SHA-256, type recognised from the content, size-limited. Only the handling unit sees them;
-- they are never part of a public Q&A (feedback_publications holds texts only). Evidence: append-only.
CREATE TABLE feedback_attachments (
  province_code  text NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  feedback_code  text NOT NULL,
  file_name      text NOT NULL,
  media_type     text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes     integer NOT NULL CHECK (size_bytes > 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploader_kind  text NOT NULL CHECK (uploader_kind IN ('sender', 'staff')),
  uploader_id    text,                          -- the officer's username; null for the sender
  uploaded_at    timestamptz NOT NULL,
  PRIMARY KEY (province_code, id),
  FOREIGN KEY (province_code, feedback_code) REFERENCES feedback (province_code, code)
);
CREATE INDEX feedback_attachments_feedback_idx ON feedback_attachments (province_code, feedback_code, uploaded_at);
CREATE INDEX feedback_attachments_sha256_idx ON feedback_attachments (sha256);
CREATE TRIGGER feedback_attachments_append_only BEFORE UPDATE OR DELETE ON feedback_attachments
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

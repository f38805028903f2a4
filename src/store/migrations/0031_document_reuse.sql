-- Reuse of digitised papers (tái sử dụng dữ liệu đã số hóa; Decree 45/2020, Circular 01/2023; 766 indicator
-- 4.3): a dossier may take a scan from an earlier dossier of the same applicant instead of a new upload. The
-- new row points at the same blob and says where it came from; the source row stays as it was.
ALTER TABLE dossier_attachments
  ADD COLUMN reused_from_dossier text,
  ADD COLUMN reused_from_id uuid,
  ADD CONSTRAINT dossier_attachments_reused_from_fk FOREIGN KEY (province_code, reused_from_id) REFERENCES dossier_attachments (province_code, id),
  ADD CONSTRAINT dossier_attachments_reused_pair CHECK ((reused_from_id IS NULL) = (reused_from_dossier IS NULL));
-- An applicant's earlier dossiers, by identity number (also speeds up the officer's search by ID number).
CREATE INDEX dossiers_applicant_id_idx ON dossiers (province_code, applicant_id_number) WHERE applicant_id_number IS NOT NULL;

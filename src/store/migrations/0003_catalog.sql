-- Procedure catalog: procedures, their immutable versions, publication decisions (location-free lists)
-- and the location-free periods derived from them. Every table carries the province code in its key.

-- Accent-free lower case for search ("Cấp Giấy phép" → "cap giay phep", đ → d). unaccent() itself is
-- STABLE (its dictionary could be changed); naming the dictionary makes the result fixed, so the wrapper
-- can be IMMUTABLE and feed generated columns and indexes. unaccent runs before lower() so the result
-- does not depend on the database's locale.
CREATE FUNCTION motcua_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- The searchable form of a text: folded, every run of non-alphanumerics one space, one space at each
-- end (" cap giay phep xay dung "), so that a word start is always "% word" and LIKE patterns never
-- contain % or _ from the input.
CREATE FUNCTION motcua_search_norm(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ' ' || btrim(regexp_replace(motcua_fold($1), '[^[:alnum:]]+', ' ', 'g')) || ' ' $$;

-- Thủ tục hành chính: identity only; everything published lives in versions.
CREATE TABLE procedures (
  province_code   text NOT NULL,
  code            text NOT NULL,            -- national code, e.g. 1.001193
  local_code      text,                     -- province-localised code, e.g. 1.001193.000.00.00.H56
  current_version integer NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, code)
);
CREATE UNIQUE INDEX procedures_local_code_idx ON procedures (province_code, local_code) WHERE local_code IS NOT NULL;

-- Phiên bản thủ tục: immutable once stored (a trigger refuses any change but closing its validity).
-- Valid in [valid_from, valid_to); a dossier pins (procedure_code, version).
CREATE TABLE procedure_versions (
  province_code           text NOT NULL,
  procedure_code          text NOT NULL,
  version                 integer NOT NULL CHECK (version > 0),
  valid_from              timestamptz NOT NULL,
  valid_to                timestamptz,
  content_hash            text NOT NULL,
  name                    text NOT NULL,
  field                   text NOT NULL,
  field_code              text,
  level                   text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  levels                  text[] NOT NULL,
  online_level            text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
  must_file_in_own_area   boolean NOT NULL,
  online_payment_required boolean NOT NULL,
  digitally_signed_result boolean NOT NULL,
  processing_days         double precision,  -- the time limit when it is in working days
  processing_hours        double precision,  -- the time limit when it is in working hours
  agencies                text NOT NULL DEFAULT '',  -- competent / implementing / authorised agencies, for search
  content                 jsonb NOT NULL,    -- ProcedureContent (src/domain/catalog/procedure-content.ts)
  problems                jsonb NOT NULL DEFAULT '[]'::jsonb,
  problem_count           integer NOT NULL DEFAULT 0,
  raw                     jsonb,             -- the original text as imported
  source_url              text,
  created_at              timestamptz NOT NULL DEFAULT now(),
  created_by              text,
  name_folded             text GENERATED ALWAYS AS (motcua_search_norm(name)) STORED,
  field_folded            text GENERATED ALWAYS AS (motcua_fold(field)) STORED,
  agencies_folded         text GENERATED ALWAYS AS (motcua_search_norm(agencies)) STORED,
  search_text             text GENERATED ALWAYS AS (
                            motcua_search_norm(procedure_code || ' ' || name || ' ' || field || ' ' || coalesce(field_code, '') || ' ' || agencies)
                          ) STORED,
  PRIMARY KEY (province_code, procedure_code, version),
  FOREIGN KEY (province_code, procedure_code) REFERENCES procedures (province_code, code),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
) WITH (toast_tuple_target = 256);
-- Search reads only the folded columns: keep them in the row, uncompressed (PLAIN; their lengths are
-- bounded by the importer), and let the large ones (content, raw, problems) go to TOAST, so a search
-- scans a narrow heap and never decompresses.
ALTER TABLE procedure_versions
  ALTER COLUMN search_text SET STORAGE PLAIN,
  ALTER COLUMN name_folded SET STORAGE PLAIN,
  ALTER COLUMN field_folded SET STORAGE PLAIN,
  ALTER COLUMN agencies_folded SET STORAGE PLAIN,
  ALTER COLUMN levels SET STORAGE PLAIN;
CREATE UNIQUE INDEX procedure_versions_open_idx ON procedure_versions (province_code, procedure_code) WHERE valid_to IS NULL;
CREATE INDEX procedure_versions_validity_idx ON procedure_versions (province_code, valid_from, valid_to);
CREATE INDEX procedure_versions_search_idx ON procedure_versions USING gin (province_code, search_text gin_trgm_ops);
CREATE INDEX procedure_versions_field_idx ON procedure_versions (province_code, field_folded);
CREATE INDEX procedure_versions_field_code_idx ON procedure_versions (province_code, field_code);

CREATE FUNCTION procedure_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'procedure versions are immutable (delete refused)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.valid_to IS NOT NULL OR NEW.valid_to IS NULL
     OR (to_jsonb(NEW) - ARRAY['valid_to', 'name_folded', 'field_folded', 'agencies_folded', 'search_text'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['valid_to', 'name_folded', 'field_folded', 'agencies_folded', 'search_text']) THEN
    RAISE EXCEPTION 'procedure versions are immutable (only closing an open version is allowed)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER procedure_versions_immutable BEFORE UPDATE OR DELETE ON procedure_versions
  FOR EACH ROW EXECUTE FUNCTION procedure_version_immutable();

-- The words of the catalog (accent-folded, from code, name, field and agencies of every version) with
-- how many versions use them: the vocabulary typo correction picks from. Rebuilt after each import.
CREATE TABLE catalog_words (
  province_code text NOT NULL,
  word          text NOT NULL,
  frequency     integer NOT NULL,
  PRIMARY KEY (province_code, word)
);

-- Quyết định công bố: dated decisions; `location_free_list` adds procedures to / removes them from the
-- location-free list. Append-only like the audit log.
CREATE TABLE publication_decisions (
  province_code text NOT NULL,
  code          text NOT NULL,
  seq           bigserial NOT NULL,          -- recording order (ties between decisions of one instant)
  title         text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('location_free_list')),
  effective_at  timestamptz NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false,
  note          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    text,
  PRIMARY KEY (province_code, code)
);
CREATE INDEX publication_decisions_effective_idx ON publication_decisions (province_code, effective_at);

CREATE TABLE publication_decision_entries (
  province_code  text NOT NULL,
  decision_code  text NOT NULL,
  procedure_code text NOT NULL,
  op             text NOT NULL CHECK (op IN ('add', 'remove')),
  PRIMARY KEY (province_code, decision_code, procedure_code),
  FOREIGN KEY (province_code, decision_code) REFERENCES publication_decisions (province_code, code),
  FOREIGN KEY (province_code, procedure_code) REFERENCES procedures (province_code, code)
);
CREATE INDEX publication_decision_entries_procedure_idx ON publication_decision_entries (province_code, procedure_code);

CREATE TRIGGER publication_decisions_append_only BEFORE UPDATE OR DELETE ON publication_decisions
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER publication_decision_entries_append_only BEFORE UPDATE OR DELETE ON publication_decision_entries
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Derived from the decisions (rebuilt whenever one is recorded): when each procedure is location-free.
CREATE TABLE location_free_spans (
  province_code  text NOT NULL,
  procedure_code text NOT NULL,
  valid_from     timestamptz NOT NULL,
  valid_to       timestamptz,
  PRIMARY KEY (province_code, procedure_code, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);

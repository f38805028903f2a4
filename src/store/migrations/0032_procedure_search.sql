-- Catalog search reads a narrow table instead of procedure_versions (docs/decisions/0032).
-- After the word-prefix index (0027) the remaining cost of a search was per candidate: fetching the
-- wide procedure_versions row (27 columns, the folded texts after the content hash, name, field,
-- agencies, …) and deforming it to the columns the filters and the ranking test. A common word has
-- ~3,000 candidates in a 20,000 catalog. `procedure_search` holds, for every version, only what finding,
-- counting and ranking read; the page's display columns still come from procedure_versions, for the
-- page's rows only.
--
-- Kept in step by triggers on procedure_versions, so every writer (import, admin edit, seed, restore of
-- an older dump) keeps it without knowing: a version is inserted once and afterwards only its valid_to
-- may change (procedure_version_immutable); deletes are refused. Statement triggers with transition
-- tables: an import of 20,000 versions costs one INSERT … SELECT per batch, not one per row.
-- Publication decisions do not touch it: location-free status is read from location_free_spans at
-- the asked instant, as before.
CREATE TABLE procedure_search (
  province_code         text NOT NULL,
  procedure_code        text NOT NULL,
  version               integer NOT NULL,
  valid_from            timestamptz NOT NULL,
  valid_to              timestamptz,
  must_file_in_own_area boolean NOT NULL,
  field_code            text,
  online_level          text NOT NULL,
  levels                text[] NOT NULL,
  field_folded          text NOT NULL,
  name_folded           text NOT NULL,
  agencies_folded       text NOT NULL,
  search_text           text NOT NULL,
  -- Every prefix, up to 20 characters, of every word of search_text (motcua_search_tokens, 0027).
  search_tokens         text[] NOT NULL,
  PRIMARY KEY (province_code, procedure_code, version)
) WITH (toast_tuple_target = 128);
-- The texts stay in the row, uncompressed (as in procedure_versions: lengths bounded by the importer);
-- the tokens (~400 bytes) go out of line, uncompressed, so a scan that tests the texts (a common word,
-- a filter without words) reads a narrow heap, and the GIN index answers without reading them back.
ALTER TABLE procedure_search
  ALTER COLUMN field_folded SET STORAGE PLAIN,
  ALTER COLUMN name_folded SET STORAGE PLAIN,
  ALTER COLUMN agencies_folded SET STORAGE PLAIN,
  ALTER COLUMN search_text SET STORAGE PLAIN,
  ALTER COLUMN levels SET STORAGE PLAIN,
  ALTER COLUMN search_tokens SET STORAGE EXTERNAL;
CREATE INDEX procedure_search_tokens_idx ON procedure_search USING gin (search_tokens);
CREATE INDEX procedure_search_field_idx ON procedure_search (province_code, field_folded);
CREATE INDEX procedure_search_field_code_idx ON procedure_search (province_code, field_code);
-- Listing without words reads indexes only, no heap visit for the validity test: the page in code
-- order from the first (offset 19,000 of 20,000: ~20 ms → 3 ms), the count from the smaller second
-- (16 ms by the heap → 2–4 ms).
CREATE INDEX procedure_search_code_idx ON procedure_search (province_code, procedure_code, version, valid_from, valid_to);
CREATE INDEX procedure_search_validity_idx ON procedure_search (province_code, valid_from, valid_to);

-- Backfill from the versions already there (their stored tokens, not recomputed: ~0.2 ms a row).
INSERT INTO procedure_search
SELECT province_code, procedure_code, version, valid_from, valid_to, must_file_in_own_area, field_code, online_level, levels,
       field_folded, name_folded, agencies_folded, search_text, search_tokens
  FROM procedure_versions;

-- procedure_versions no longer needs its own tokens or their index (nothing else reads them).
ALTER TABLE procedure_versions DROP COLUMN search_tokens;

CREATE FUNCTION procedure_search_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO procedure_search
  SELECT province_code, procedure_code, version, valid_from, valid_to, must_file_in_own_area, field_code, online_level, levels,
         field_folded, name_folded, agencies_folded, search_text, motcua_search_tokens(search_text)
    FROM added;
  RETURN NULL;
END $$;

-- Only valid_to may change (procedure_version_immutable runs before): copy it.
CREATE FUNCTION procedure_search_close() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE procedure_search s
     SET valid_to = c.valid_to
    FROM changed c
   WHERE s.province_code = c.province_code AND s.procedure_code = c.procedure_code AND s.version = c.version
     AND s.valid_to IS DISTINCT FROM c.valid_to;
  RETURN NULL;
END $$;

CREATE TRIGGER procedure_versions_search_add AFTER INSERT ON procedure_versions
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION procedure_search_add();
CREATE TRIGGER procedure_versions_search_close AFTER UPDATE ON procedure_versions
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION procedure_search_close();

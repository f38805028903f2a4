-- The search table (0032) rebuilt with what the ranking reads per candidate stored once (decision 0034).
-- A broad word ranks ~3,000 candidates: `length(name_folded)`, the tie-break, counts characters (a walk
-- of every byte in a UTF-8 database) for each of them on every search, ~0.3 µs a row, a fifth of the
-- statement (measured on the 20,000 bench catalog: 5.4 → 4.2 ms for `thue`). Stored as `name_length`
-- it is a fixed-width read. The columns are laid out fixed-width first, the texts in the order the
-- filters and the ranking read them, and the tokens last: only the GIN index reads them.
CREATE TABLE procedure_search_next (
  province_code         text NOT NULL,
  procedure_code        text NOT NULL,
  version               integer NOT NULL,
  -- length(name_folded), in characters: ties in a rank go to the shorter name.
  name_length           integer NOT NULL,
  must_file_in_own_area boolean NOT NULL,
  valid_from            timestamptz NOT NULL,
  valid_to              timestamptz,
  online_level          text NOT NULL,
  field_code            text,
  levels                text[] NOT NULL,
  field_folded          text NOT NULL,
  agencies_folded       text NOT NULL,
  name_folded           text NOT NULL,
  search_text           text NOT NULL,
  -- Every prefix, up to 20 characters, of every word of search_text (motcua_search_tokens, 0027).
  search_tokens         text[] NOT NULL,
  CHECK (name_length = length(name_folded))
);
-- As in 0032: the texts stay in the row uncompressed. The tokens are below the size PostgreSQL moves
-- out of line (~2 KB a row), so they stay in the row too (decision 0032, correction); EXTERNAL keeps
-- them uncompressed if a long row ever is.
ALTER TABLE procedure_search_next
  ALTER COLUMN field_folded SET STORAGE PLAIN,
  ALTER COLUMN agencies_folded SET STORAGE PLAIN,
  ALTER COLUMN name_folded SET STORAGE PLAIN,
  ALTER COLUMN search_text SET STORAGE PLAIN,
  ALTER COLUMN levels SET STORAGE PLAIN,
  ALTER COLUMN search_tokens SET STORAGE EXTERNAL;

INSERT INTO procedure_search_next
SELECT province_code, procedure_code, version, length(name_folded), must_file_in_own_area, valid_from, valid_to, online_level,
       field_code, levels, field_folded, agencies_folded, name_folded, search_text, search_tokens
  FROM procedure_search;

DROP TABLE procedure_search;
ALTER TABLE procedure_search_next RENAME TO procedure_search;
ALTER TABLE procedure_search ADD CONSTRAINT procedure_search_pkey PRIMARY KEY (province_code, procedure_code, version);
CREATE INDEX procedure_search_tokens_idx ON procedure_search USING gin (search_tokens);
CREATE INDEX procedure_search_field_idx ON procedure_search (province_code, field_folded);
CREATE INDEX procedure_search_field_code_idx ON procedure_search (province_code, field_code);
CREATE INDEX procedure_search_code_idx ON procedure_search (province_code, procedure_code, version, valid_from, valid_to);
CREATE INDEX procedure_search_validity_idx ON procedure_search (province_code, valid_from, valid_to);

-- The insert trigger (0032) names the new column; the close trigger only sets valid_to, unchanged.
CREATE OR REPLACE FUNCTION procedure_search_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO procedure_search
  SELECT province_code, procedure_code, version, length(name_folded), must_file_in_own_area, valid_from, valid_to, online_level,
         field_code, levels, field_folded, agencies_folded, name_folded, search_text, motcua_search_tokens(search_text)
    FROM added;
  RETURN NULL;
END $$;

ANALYZE procedure_search;

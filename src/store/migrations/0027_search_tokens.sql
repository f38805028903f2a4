-- Catalog search finds its candidates by word prefixes instead of trigrams (docs/decisions/0027).
-- The trigram index only narrowed `search_text LIKE '% word%'` down to rows that then had to be re-read
-- and re-matched one by one (a common word matches ~3,000 of 20,000 versions); an index on the set of
-- word prefixes answers "some word starts with …" exactly, with no recheck.

-- Every prefix, up to 20 characters, of every word of a searchable form (motcua_search_norm):
-- ' cap giay ' → {c, ca, cap, g, gi, gia, giay}. "Some word of the text starts with w" is then
-- `tokens @> {w}` for a query word w of at most 20 characters; longer or multi-word query forms use
-- their tokens to find candidates and a text test to confirm. Built-ins only (pg_restore runs with an
-- empty search_path, see 0016).
CREATE FUNCTION motcua_search_tokens(text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT left(w, n)), '{}')
          FROM unnest(string_to_array(btrim($1), ' ')) AS w, generate_series(1, least(length(w), 20)) AS n
         WHERE w <> '' $$;

-- Stored, not an index expression: computing the tokens costs ~0.1–0.2 ms a row, and a plan that
-- filters rows by them without the index (a merge join with the location-free spans, a sequential scan
-- for a common word) would compute them for every row it reads (seen: 1 s to 2 s). Stored, a row costs
-- a detoast instead. Large (~400 bytes), so TOASTed: the search heap stays narrow, and the index
-- answers exactly and never reads them back. A generated column cannot read another one: the
-- search_text expression is repeated.
ALTER TABLE procedure_versions ADD COLUMN search_tokens text[] GENERATED ALWAYS AS (
  motcua_search_tokens(motcua_search_norm(procedure_code || ' ' || name || ' ' || field || ' ' || coalesce(field_code, '') || ' ' || agencies))
) STORED;
CREATE INDEX procedure_versions_tokens_idx ON procedure_versions USING gin (search_tokens);
DROP INDEX procedure_versions_search_idx;

-- The immutability check ignores the generated columns (derived from the others); add the new one.
CREATE OR REPLACE FUNCTION procedure_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'procedure versions are immutable (delete refused)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.valid_to IS NOT NULL OR NEW.valid_to IS NULL
     OR (to_jsonb(NEW) - ARRAY['valid_to', 'name_folded', 'field_folded', 'agencies_folded', 'search_text', 'search_tokens'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['valid_to', 'name_folded', 'field_folded', 'agencies_folded', 'search_text', 'search_tokens']) THEN
    RAISE EXCEPTION 'procedure versions are immutable (only closing an open version is allowed)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

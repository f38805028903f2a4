-- pg_restore runs with an empty search_path: a SQL function calling another by its bare name breaks the
-- restore of every generated column that uses it. Schema-qualify the call (same result, same signature).
CREATE OR REPLACE FUNCTION motcua_search_norm(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ' ' || btrim(regexp_replace(public.motcua_fold($1), '[^[:alnum:]]+', ' ', 'g')) || ' ' $$;

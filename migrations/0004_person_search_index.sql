-- Accent- and case-insensitive, typo-tolerant search of persons by name (pg_trgm + unaccent).
-- unaccent() is only STABLE; this wrapper names its dictionary so that it can be IMMUTABLE and indexed.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS persons_name_trgm_idx ON persons
  USING gin (f_unaccent(lower(last_name || ' ' || coalesce(used_name, '') || ' ' || first_name)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS persons_birth_date_idx ON persons (association_id, birth_date);

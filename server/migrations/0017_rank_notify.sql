-- Rank-around-me is answered from an in-memory index in each API instance (server/rank-index.ts),
-- kept current by these notifications on channel drona_rank, sent at commit by whatever changes a
-- board row or a display name: each statement on scores sends its rows' new state (a removed row
-- with a null score), in payloads under NOTIFY's 8000 bytes; a statement of more than 5000 rows
-- (a bulk load) sends "reload" instead. A timestamp keeps two equal payloads of one transaction
-- from being folded into one.
CREATE FUNCTION "rank_notify_scores"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  js text[];
  j text;
  chunk text := '';
  n int;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM "old_rows";
  ELSE
    SELECT count(*) INTO n FROM "new_rows";
  END IF;
  IF n = 0 THEN RETURN NULL; END IF;
  IF n > 5000 THEN
    PERFORM pg_notify('drona_rank', 'reload');
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(json_build_array(o."board", o."learner_id", NULL, false, NULL)::text) INTO js FROM "old_rows" o;
  ELSE
    SELECT array_agg(json_build_array(s."board", s."learner_id", s."score", s."visible", l."display_name")::text) INTO js
      FROM "new_rows" s LEFT JOIN "learners" l ON l."id" = s."learner_id";
  END IF;
  FOREACH j IN ARRAY js LOOP
    IF octet_length(chunk) + octet_length(j) > 7000 THEN
      PERFORM pg_notify('drona_rank', '{"t":"' || clock_timestamp()::text || '","rows":[' || chunk || ']}');
      chunk := '';
    END IF;
    chunk := CASE WHEN chunk = '' THEN j ELSE chunk || ',' || j END;
  END LOOP;
  PERFORM pg_notify('drona_rank', '{"t":"' || clock_timestamp()::text || '","rows":[' || chunk || ']}');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "scores_rank_insert" AFTER INSERT ON "scores" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "rank_notify_scores"();--> statement-breakpoint
CREATE TRIGGER "scores_rank_update" AFTER UPDATE ON "scores" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "rank_notify_scores"();--> statement-breakpoint
CREATE TRIGGER "scores_rank_delete" AFTER DELETE ON "scores" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "rank_notify_scores"();--> statement-breakpoint
CREATE FUNCTION "rank_notify_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('drona_rank', json_build_object('t', clock_timestamp(), 'name', json_build_array(NEW."id", NEW."display_name"))::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "learners_rank_name" AFTER UPDATE OF "display_name" ON "learners" FOR EACH ROW
  WHEN (OLD."display_name" IS DISTINCT FROM NEW."display_name") EXECUTE FUNCTION "rank_notify_name"();

-- The rank index (server/rank-index.ts) forgets a deleted learner: their id and display name
-- leave every instance's memory, not only their rows. One notification per learner deleted (an
-- id, a few dozen bytes: far under NOTIFY's 8000). It carries an empty "rows" too, so an instance
-- of an older version, which reads every notification but "name" as rows, reads it as no change
-- (their rows' removal still reaches it as the scores' own notifications).
CREATE FUNCTION "rank_notify_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('drona_rank', json_build_object('t', clock_timestamp(), 'rows', json_build_array(), 'gone', OLD."id")::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "learners_rank_gone" AFTER DELETE ON "learners" FOR EACH ROW EXECUTE FUNCTION "rank_notify_gone"();
--> statement-breakpoint
-- The week board is the learner's week in their timezone: the index holds every learner's
-- timezone (loaded with their name), so this notifies a learner's timezone when they are added
-- (a statement of more than 5000 learners, a bulk load, sends "reload") and when it changes. An
-- IANA name and an id: far under NOTIFY's 8000 bytes. Empty "rows" again for older versions.
CREATE FUNCTION "rank_notify_zones"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  n int;
BEGIN
  SELECT count(*) INTO n FROM "new_rows";
  IF n > 5000 THEN
    PERFORM pg_notify('drona_rank', 'reload');
    RETURN NULL;
  END IF;
  FOR r IN SELECT "id", "display_name", "timezone" FROM "new_rows" LOOP
    PERFORM pg_notify('drona_rank', json_build_object('t', clock_timestamp(), 'rows', json_build_array(), 'zone', json_build_array(r."id", r."display_name", r."timezone"))::text);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "learners_rank_added" AFTER INSERT ON "learners" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "rank_notify_zones"();--> statement-breakpoint
CREATE FUNCTION "rank_notify_zone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('drona_rank', json_build_object('t', clock_timestamp(), 'rows', json_build_array(), 'zone', json_build_array(NEW."id", NEW."display_name", NEW."timezone"))::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "learners_rank_zone" AFTER UPDATE OF "timezone" ON "learners" FOR EACH ROW
  WHEN (OLD."timezone" IS DISTINCT FROM NEW."timezone") EXECUTE FUNCTION "rank_notify_zone"();

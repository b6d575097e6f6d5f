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

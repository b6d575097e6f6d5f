CREATE TABLE "course_progress" (
	"learner_id" text NOT NULL,
	"course_id" text NOT NULL,
	"done" integer NOT NULL,
	"hints" integer NOT NULL,
	"active_seconds" integer NOT NULL,
	"first_at" bigint NOT NULL,
	"last_at" bigint NOT NULL,
	"week_start" bigint NOT NULL,
	"week_done" integer NOT NULL,
	"week_xp" integer NOT NULL,
	"week_hints" integer NOT NULL,
	CONSTRAINT "course_progress_learner_id_course_id_pk" PRIMARY KEY("learner_id","course_id")
);
--> statement-breakpoint
-- Counts striped by learner (see score_counts.stripe in server/db/schema.ts): the rows so far are stripe 0.
ALTER TABLE "score_counts" ADD COLUMN "stripe" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_counts" DROP CONSTRAINT "score_counts_board_score_pk";--> statement-breakpoint
ALTER TABLE "score_counts" ADD CONSTRAINT "score_counts_board_score_stripe_pk" PRIMARY KEY("board","score","stripe");--> statement-breakpoint
-- The rows of the events stored so far, in one pass over the covering index events_learner_course
-- (an index-only scan in its order: no sort, no lock that stops event writes). The week figures
-- are those of the week under way (Monday 00:00 UTC, 345600000 ms after the epoch's week start).
INSERT INTO "course_progress" ("learner_id", "course_id", "done", "hints", "active_seconds", "first_at", "last_at", "week_start", "week_done", "week_xp", "week_hints")
SELECT "learner_id", "course_id",
  count(DISTINCT "lesson_id") FILTER (WHERE "kind" IN ('lesson-completed', 'quiz-passed', 'challenge-completed'))::int,
  count(*) FILTER (WHERE "kind" = 'hint-revealed')::int,
  coalesce(sum("active_seconds"), 0)::int,
  min("occurred_at"), max("occurred_at"),
  (max("occurred_at") - 345600000) / 604800000 * 604800000 + 345600000,
  count(*) FILTER (WHERE "kind" IN ('lesson-completed', 'quiz-passed', 'challenge-completed') AND "occurred_at" >= w."start")::int,
  coalesce(sum("xp") FILTER (WHERE "occurred_at" >= w."start"), 0)::int,
  count(*) FILTER (WHERE "kind" = 'hint-revealed' AND "occurred_at" >= w."start")::int
FROM "events", (SELECT ((extract(epoch FROM now())::bigint * 1000 - 345600000) / 604800000 * 604800000 + 345600000) AS "start") w
WHERE "course_id" IS NOT NULL
GROUP BY "learner_id", "course_id", w."start";

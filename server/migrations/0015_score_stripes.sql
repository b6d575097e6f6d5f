-- Ties ahead of a learner were counted in scores_order, a scan of half their score's learners on
-- average (about 860 at 1M learners), each fetching its heap row while ingestion keeps pages from
-- being all-visible: most of rank-around-me's PostgreSQL time. score_counts' stripes now split the
-- learners by id range (in the ties' order) instead of by a hash, so the ties ahead are the counts
-- of the higher stripes plus a scan of the learner's own stripe (an eighth of the ties on average).
-- The ranges are the quartiles of the learner ids present; with few learners, of random UUIDs.
CREATE TABLE "score_stripes" (
	"stripe" smallint PRIMARY KEY NOT NULL,
	"first_id" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "score_stripes" ("stripe", "first_id")
SELECT 0, '' UNION ALL
SELECT k, b FROM (
  SELECT row_number() OVER (ORDER BY b)::smallint AS k, b FROM unnest(CASE WHEN (SELECT count(*) FROM "learners") >= 1000
    THEN (SELECT array_agg(DISTINCT b) FROM unnest((SELECT percentile_disc(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY "id") FROM "learners")) AS q(b) WHERE b > '')
    ELSE ARRAY['4', '8', 'c'] END) AS q(b)
) bounds;--> statement-breakpoint
DELETE FROM "score_counts";--> statement-breakpoint
INSERT INTO "score_counts" ("board", "score", "stripe", "n")
SELECT s."board", s."score", r."stripe", count(*)::int FROM "scores" s
JOIN (SELECT "stripe", "first_id", lead("first_id") OVER (ORDER BY "stripe") AS "next" FROM "score_stripes") r
  ON s."learner_id" >= r."first_id" AND (r."next" IS NULL OR s."learner_id" < r."next")
WHERE s."visible" GROUP BY 1, 2, 3;--> statement-breakpoint
CLUSTER "score_counts" USING "score_counts_board_score_stripe_pk";

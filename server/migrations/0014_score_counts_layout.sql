-- Rank sums score_counts rows above a score and counts the ties ahead in scores_order. At 1M
-- learners both read far more pages than rows: score_counts rows of a board lay scattered over the
-- table (3,135 rows of the 'all' board on 384 pages), and tie counts fetched heap pages because
-- scores was never vacuumed (scale factor 0.2 of millions of rows), so its pages were not
-- all-visible. Kept in key order with room for in-page (HOT) updates, and scores vacuumed after 1%
-- changes, rank-around-me read 85 buffers instead of 1,213 (29 ms to 2.9 ms at load 9).
-- Ingestion keeps 4 rows per score instead of 16 (server/ingest.ts): the others are folded in
-- (a score's count is the sum of its rows, whichever row counted whom).
WITH "folded" AS (DELETE FROM "score_counts" WHERE "stripe" >= 4 RETURNING "board", "score", "stripe", "n")
INSERT INTO "score_counts" ("board", "score", "stripe", "n") SELECT "board", "score", "stripe" % 4, sum("n") FROM "folded" GROUP BY 1, 2, 3
ON CONFLICT ("board", "score", "stripe") DO UPDATE SET "n" = "score_counts"."n" + excluded."n";--> statement-breakpoint
ALTER TABLE "score_counts" SET (fillfactor = 50);--> statement-breakpoint
CLUSTER "score_counts" USING "score_counts_board_score_stripe_pk";--> statement-breakpoint
ALTER TABLE "scores" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);

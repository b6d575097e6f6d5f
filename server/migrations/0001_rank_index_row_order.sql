DROP INDEX "scores_rank";--> statement-breakpoint
CREATE INDEX "scores_order" ON "scores" USING btree ("board","visible","score","learner_id");
ALTER TABLE "daily_xp" ADD COLUMN "active_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "active_seconds" integer;--> statement-breakpoint
ALTER TABLE "learners" ADD COLUMN "timezone_changed_at" bigint;--> statement-breakpoint
CREATE INDEX "events_learner_time" ON "events" USING btree ("learner_id","occurred_at");
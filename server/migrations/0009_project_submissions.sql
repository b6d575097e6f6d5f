CREATE TABLE "project_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"course_id" text NOT NULL,
	"submission" jsonb NOT NULL,
	"status" text NOT NULL,
	"submitted_at" bigint NOT NULL,
	"review" jsonb,
	"overall" real,
	"exceptional" boolean DEFAULT false NOT NULL,
	"reviewed_by" text,
	"reviewed_at" bigint
);
--> statement-breakpoint
CREATE INDEX "project_submissions_learner_course" ON "project_submissions" USING btree ("learner_id","course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_submissions_open" ON "project_submissions" USING btree ("learner_id","course_id") WHERE "project_submissions"."status" = 'pending-review';--> statement-breakpoint
CREATE INDEX "project_submissions_pending" ON "project_submissions" USING btree ("status","submitted_at");
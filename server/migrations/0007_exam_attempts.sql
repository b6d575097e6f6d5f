CREATE TABLE "exam_answers" (
	"attempt_id" text NOT NULL,
	"item_id" text NOT NULL,
	"section" text NOT NULL,
	"position" integer NOT NULL,
	"answer" jsonb NOT NULL,
	"correct" boolean,
	"score" real,
	"reasons" text,
	"answered_at" bigint NOT NULL,
	CONSTRAINT "exam_answers_attempt_id_item_id_pk" PRIMARY KEY("attempt_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "exam_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"course_id" text NOT NULL,
	"course_digest" text NOT NULL,
	"seed" text NOT NULL,
	"status" text NOT NULL,
	"section" integer DEFAULT 0 NOT NULL,
	"section_started_at" bigint NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_attempt" boolean NOT NULL,
	"overall" real,
	"started_at" bigint NOT NULL,
	"finished_at" bigint,
	"reviewed_by" text,
	"reviewed_at" bigint
);
--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "exam" jsonb;--> statement-breakpoint
CREATE INDEX "exam_attempts_learner_course" ON "exam_attempts" USING btree ("learner_id","course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exam_attempts_open" ON "exam_attempts" USING btree ("learner_id","course_id") WHERE "exam_attempts"."status" in ('in-progress', 'pending-review');--> statement-breakpoint
CREATE INDEX "exam_attempts_pending" ON "exam_attempts" USING btree ("status","finished_at");
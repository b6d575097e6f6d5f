CREATE TABLE "refused_events" (
	"id" bigint PRIMARY KEY DEFAULT nextval('events_id_seq') NOT NULL,
	"learner_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"course_id" text,
	"lesson_id" text,
	"occurred_at" bigint NOT NULL,
	"code" text NOT NULL,
	"facts" jsonb NOT NULL,
	"received_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cohort_members" ADD COLUMN "on_board" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "refused_events_learner_key" ON "refused_events" USING btree ("learner_id","idempotency_key");
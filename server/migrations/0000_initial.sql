CREATE TABLE "certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"course_id" text NOT NULL,
	"course_title" text NOT NULL,
	"tier" text NOT NULL,
	"issued_at" bigint NOT NULL,
	"jwt" text NOT NULL,
	"revoked_at" bigint,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "daily_xp" (
	"learner_id" text NOT NULL,
	"local_date" text NOT NULL,
	"xp" integer NOT NULL,
	CONSTRAINT "daily_xp_learner_id_local_date_pk" PRIMARY KEY("learner_id","local_date")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"course_id" text,
	"lesson_id" text,
	"occurred_at" bigint NOT NULL,
	"local_date" text NOT NULL,
	"week" text NOT NULL,
	"xp" integer NOT NULL,
	"facts" jsonb NOT NULL,
	"received_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "league_members" (
	"week" text NOT NULL,
	"learner_id" text NOT NULL,
	"league_id" bigint NOT NULL,
	"tier" integer NOT NULL,
	"xp" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "league_members_week_learner_id_pk" PRIMARY KEY("week","learner_id")
);
--> statement-breakpoint
CREATE TABLE "leagues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"week" text NOT NULL,
	"tier" integer NOT NULL,
	"size" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learners" (
	"id" text PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"timezone" text NOT NULL,
	"opted_in" boolean DEFAULT true NOT NULL,
	"league_tier" integer DEFAULT 0 NOT NULL,
	"tier_settled_week" text,
	"total_xp" integer DEFAULT 0 NOT NULL,
	"streak" integer DEFAULT 0 NOT NULL,
	"last_active_date" text,
	"last_completion_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"hash" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"family" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"replaced_at" bigint,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"board" text NOT NULL,
	"learner_id" text NOT NULL,
	"score" integer NOT NULL,
	"visible" boolean DEFAULT true NOT NULL,
	CONSTRAINT "scores_board_learner_id_pk" PRIMARY KEY("board","learner_id")
);
--> statement-breakpoint
CREATE TABLE "server_keys" (
	"purpose" text PRIMARY KEY NOT NULL,
	"kid" text NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "certificates_learner" ON "certificates" USING btree ("learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_one_per_tier" ON "certificates" USING btree ("learner_id","course_id","tier") WHERE revoked_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "events_learner_key" ON "events" USING btree ("learner_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "events_learner_course" ON "events" USING btree ("learner_id","course_id","kind");--> statement-breakpoint
CREATE INDEX "league_members_league" ON "league_members" USING btree ("league_id","xp" DESC NULLS LAST,"learner_id");--> statement-breakpoint
CREATE INDEX "leagues_open" ON "leagues" USING btree ("week","tier","size");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family" ON "refresh_tokens" USING btree ("family");--> statement-breakpoint
CREATE INDEX "scores_rank" ON "scores" USING btree ("board","visible","score" DESC NULLS LAST,"learner_id");--> statement-breakpoint
CREATE INDEX "scores_learner" ON "scores" USING btree ("learner_id");
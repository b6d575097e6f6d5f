CREATE TABLE "accounts" (
	"learner_id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"cohort_id" text NOT NULL,
	"course_id" text NOT NULL,
	"due_at" bigint,
	"assigned_at" bigint NOT NULL,
	CONSTRAINT "assignments_cohort_id_course_id_pk" PRIMARY KEY("cohort_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "cohort_members" (
	"cohort_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"role" text NOT NULL,
	"joined_at" bigint NOT NULL,
	CONSTRAINT "cohort_members_cohort_id_learner_id_pk" PRIMARY KEY("cohort_id","learner_id")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invites" (
	"id" text PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"org_id" text NOT NULL,
	"cohort_id" text,
	"role" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"max_uses" integer NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE TABLE "link_codes" (
	"hash" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint
);
--> statement-breakpoint
CREATE TABLE "org_members" (
	"org_id" text NOT NULL,
	"learner_id" text NOT NULL,
	"role" text NOT NULL,
	"joined_at" bigint NOT NULL,
	CONSTRAINT "org_members_org_id_learner_id_pk" PRIMARY KEY("org_id","learner_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"seat_limit" integer NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"device_name" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint NOT NULL,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_email" ON "accounts" USING btree ("email");--> statement-breakpoint
CREATE INDEX "cohort_members_learner" ON "cohort_members" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "cohorts_org" ON "cohorts" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invites_code" ON "invites" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "invites_org" ON "invites" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "link_codes_learner" ON "link_codes" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "org_members_learner" ON "org_members" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "sessions_learner" ON "sessions" USING btree ("learner_id");
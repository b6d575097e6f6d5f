CREATE TABLE "courses" (
	"id" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"outline" jsonb NOT NULL,
	"digest" text NOT NULL,
	"registered_at" bigint NOT NULL,
	"registered_by" text NOT NULL
);

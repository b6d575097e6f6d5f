CREATE TABLE "score_counts" (
	"board" text NOT NULL,
	"score" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "score_counts_board_score_pk" PRIMARY KEY("board","score")
);
--> statement-breakpoint
INSERT INTO "score_counts" ("board", "score", "n") SELECT "board", "score", count(*)::int FROM "scores" WHERE "visible" GROUP BY "board", "score";

-- Ingestion at 1M learners / 50M events spent most of PostgreSQL's time on pages read from disk.
-- events_learner_time (learner_id, occurred_at) was written for every event (1.5 GB) while every
-- read of events is per learner and served as well by events_learner_course, whose columns cover
-- the ledger's read (course, kind, time, active time) without the table. scores' key now starts
-- with the learner: a batch's boards of one learner (all, streak, week, course) sit in one leaf page
-- instead of one page per board, and the key serves reads by learner alone, so scores_learner goes.
DROP INDEX "events_learner_time";--> statement-breakpoint
DROP INDEX "scores_learner";--> statement-breakpoint
ALTER TABLE "scores" DROP CONSTRAINT "scores_board_learner_id_pk";--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_learner_id_board_pk" PRIMARY KEY("learner_id","board");

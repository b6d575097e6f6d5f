CREATE TABLE `concept_mastery` (
	`course_id` text NOT NULL,
	`concept_id` text NOT NULL,
	`probability` real NOT NULL,
	`evidence_count` integer DEFAULT 0 NOT NULL,
	`success_count` integer DEFAULT 0 NOT NULL,
	`last_evidence_at` integer NOT NULL,
	`last_success_at` integer,
	PRIMARY KEY(`course_id`, `concept_id`)
);
--> statement-breakpoint
CREATE TABLE `concepts` (
	`course_id` text NOT NULL,
	`concept_id` text NOT NULL,
	`title` text NOT NULL,
	`prerequisites` text DEFAULT '[]' NOT NULL,
	`lesson_id` text,
	`position` integer NOT NULL,
	PRIMARY KEY(`course_id`, `concept_id`),
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mastery_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`course_id` text NOT NULL,
	`concept_id` text NOT NULL,
	`kind` text NOT NULL,
	`correct` integer NOT NULL,
	`time_ratio` real,
	`probability_before` real NOT NULL,
	`probability_after` real NOT NULL,
	`occurred_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mastery_evidence_key` ON `mastery_evidence` (`key`);--> statement-breakpoint
CREATE INDEX `mastery_evidence_concept` ON `mastery_evidence` (`course_id`,`concept_id`,`occurred_at`);--> statement-breakpoint
ALTER TABLE `lessons` ADD `concepts` text DEFAULT '[]' NOT NULL;
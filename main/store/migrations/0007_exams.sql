CREATE TABLE `exam_answers` (
	`attempt_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`section` text NOT NULL,
	`position` integer NOT NULL,
	`answer` text,
	`correct` integer,
	`score` real,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `item_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `exam_attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exam_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` text NOT NULL,
	`course_version` text NOT NULL,
	`seed` text NOT NULL,
	`status` text NOT NULL,
	`section` integer DEFAULT 0 NOT NULL,
	`first_attempt` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`overall` real
);
--> statement-breakpoint
CREATE INDEX `exam_attempts_course` ON `exam_attempts` (`course_id`,`id`);--> statement-breakpoint
CREATE TABLE `exam_sections` (
	`attempt_id` integer NOT NULL,
	`section` text NOT NULL,
	`used_ms` integer DEFAULT 0 NOT NULL,
	`seen_at` integer NOT NULL,
	`submitted_at` integer,
	`timed_out` integer DEFAULT false NOT NULL,
	`score` real,
	PRIMARY KEY(`attempt_id`, `section`),
	FOREIGN KEY (`attempt_id`) REFERENCES `exam_attempts`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `active_time` (
	`course_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`local_date` text NOT NULL,
	`seconds` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`course_id`, `lesson_id`, `local_date`)
);
--> statement-breakpoint
CREATE INDEX `active_time_date` ON `active_time` (`local_date`);
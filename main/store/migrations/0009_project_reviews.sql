CREATE TABLE `project_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` integer NOT NULL,
	`review` text NOT NULL,
	`overall` real NOT NULL,
	`accepted` integer NOT NULL,
	`exceptional` integer NOT NULL,
	`reviewed_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `project_submissions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `project_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`folder` text NOT NULL,
	`demo_url` text,
	`automated` text NOT NULL,
	`tests` text NOT NULL,
	`files` text NOT NULL,
	`status` text NOT NULL,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` text NOT NULL,
	`brief_id` text,
	`title` text NOT NULL,
	`goal` text NOT NULL,
	`milestones` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `projects_course` ON `projects` (`course_id`,`id`);
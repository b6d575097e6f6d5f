CREATE TABLE `achievements` (
	`id` text PRIMARY KEY NOT NULL,
	`earned_at` integer NOT NULL,
	`event_key` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `activity_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`kind` text NOT NULL,
	`course_id` text,
	`lesson_id` text,
	`occurred_at` integer NOT NULL,
	`timezone` text NOT NULL,
	`local_date` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_events_key` ON `activity_events` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `activity_events_date` ON `activity_events` (`local_date`);--> statement-breakpoint
CREATE TABLE `ai_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`role` text NOT NULL,
	`agent` text,
	`content` text NOT NULL,
	`meta` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `ai_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ai_messages_session` ON `ai_messages` (`session_id`,`id`);--> statement-breakpoint
CREATE TABLE `ai_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text,
	`lesson_id` text,
	`provider` text NOT NULL,
	`model` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`cleared_at` integer
);
--> statement-breakpoint
CREATE INDEX `ai_sessions_lesson` ON `ai_sessions` (`course_id`,`lesson_id`);--> statement-breakpoint
CREATE TABLE `attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`kind` text NOT NULL,
	`passed` integer NOT NULL,
	`score` real,
	`detail` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attempts_lesson` ON `attempts` (`course_id`,`lesson_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`tier` text NOT NULL,
	`course_id` text NOT NULL,
	`issued_at` integer NOT NULL,
	`jwt` text NOT NULL,
	`payload` text NOT NULL,
	`verify_url` text NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE TABLE `code_executions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` text,
	`lesson_id` text,
	`kind` text NOT NULL,
	`language` text NOT NULL,
	`driver` text NOT NULL,
	`outcome` text NOT NULL,
	`exit_code` integer,
	`duration_ms` integer NOT NULL,
	`wait_ms` integer DEFAULT 0 NOT NULL,
	`result` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `code_executions_lesson` ON `code_executions` (`course_id`,`lesson_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` text PRIMARY KEY NOT NULL,
	`track_id` text NOT NULL,
	`title` text NOT NULL,
	`version` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`difficulty` text NOT NULL,
	`languages` text NOT NULL,
	`estimated_hours` real DEFAULT 0 NOT NULL,
	`prerequisites` text NOT NULL,
	`authors` text NOT NULL,
	`license` text DEFAULT '' NOT NULL,
	`install_path` text NOT NULL,
	`manifest_digest` text DEFAULT '' NOT NULL,
	`built_in` integer DEFAULT false NOT NULL,
	`installed_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`track_id`) REFERENCES `tracks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `domains` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hint_reveals` (
	`course_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`hint_index` integer NOT NULL,
	`revealed_at` integer NOT NULL,
	PRIMARY KEY(`course_id`, `lesson_id`, `hint_index`)
);
--> statement-breakpoint
CREATE TABLE `journal_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lesson_progress` (
	`course_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`started_at` integer,
	`completed_at` integer,
	`active_seconds` integer DEFAULT 0 NOT NULL,
	`attempt_count` integer DEFAULT 0 NOT NULL,
	`hints_revealed` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`course_id`, `lesson_id`)
);
--> statement-breakpoint
CREATE TABLE `lessons` (
	`course_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`module_id` text NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`xp` integer DEFAULT 0 NOT NULL,
	`par_time_seconds` integer,
	`position` integer NOT NULL,
	`path` text NOT NULL,
	`removed_at` integer,
	PRIMARY KEY(`course_id`, `lesson_id`),
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lessons_module` ON `lessons` (`course_id`,`module_id`);--> statement-breakpoint
CREATE TABLE `modules` (
	`course_id` text NOT NULL,
	`module_id` text NOT NULL,
	`title` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`course_id`, `module_id`),
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`goal` text DEFAULT '' NOT NULL,
	`experience_level` text NOT NULL,
	`gamification_mode` text NOT NULL,
	`timezone` text NOT NULL,
	`created_at` integer NOT NULL,
	`first_run_completed_at` integer
);
--> statement-breakpoint
CREATE TABLE `review_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` text,
	`lesson_id` text,
	`source` text NOT NULL,
	`item` text NOT NULL,
	`due_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`sent_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_outbox_key` ON `sync_outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `sync_outbox_pending` ON `sync_outbox` (`sent_at`,`id`);--> statement-breakpoint
CREATE TABLE `tracks` (
	`id` text PRIMARY KEY NOT NULL,
	`domain_id` text NOT NULL,
	`title` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`domain_id`) REFERENCES `domains`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `workspace_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`file_path` text NOT NULL,
	`content` text NOT NULL,
	`digest` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `workspace_snapshots_file` ON `workspace_snapshots` (`course_id`,`lesson_id`,`file_path`,`id`);--> statement-breakpoint
CREATE TABLE `xp_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`activity` text NOT NULL,
	`base_xp` integer NOT NULL,
	`bonus_percent` integer DEFAULT 0 NOT NULL,
	`amount` integer NOT NULL,
	`course_id` text,
	`lesson_id` text,
	`occurred_at` integer NOT NULL,
	`timezone` text NOT NULL,
	`local_date` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `xp_ledger_key` ON `xp_ledger` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `xp_ledger_date` ON `xp_ledger` (`local_date`);
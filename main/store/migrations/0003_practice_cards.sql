CREATE TABLE `review_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`source` text NOT NULL,
	`course_id` text,
	`lesson_id` text,
	`concept_id` text,
	`item` text NOT NULL,
	`schedule` text NOT NULL,
	`due_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_cards_key` ON `review_cards` (`key`);--> statement-breakpoint
CREATE INDEX `review_cards_due` ON `review_cards` (`due_at`);--> statement-breakpoint
CREATE TABLE `review_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`card_id` integer NOT NULL,
	`correct` integer NOT NULL,
	`rating` text NOT NULL,
	`response_ms` integer NOT NULL,
	`reviewed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `review_log_card` ON `review_log` (`card_id`);--> statement-breakpoint
CREATE INDEX `review_log_at` ON `review_log` (`reviewed_at`);
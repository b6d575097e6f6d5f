ALTER TABLE `exam_attempts` ADD `server_attempt_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `exam_attempts_server` ON `exam_attempts` (`server_attempt_id`);
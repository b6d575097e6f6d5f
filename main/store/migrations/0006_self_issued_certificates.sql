PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`tier` text NOT NULL,
	`course_id` text NOT NULL,
	`issued_at` integer NOT NULL,
	`jwt` text NOT NULL,
	`payload` text NOT NULL,
	`verify_url` text,
	`revoked_at` integer,
	`issued_by` text DEFAULT 'server' NOT NULL,
	`replaced_by` text
);
--> statement-breakpoint
INSERT INTO `__new_certificates`("id", "tier", "course_id", "issued_at", "jwt", "payload", "verify_url", "revoked_at") SELECT "id", "tier", "course_id", "issued_at", "jwt", "payload", "verify_url", "revoked_at" FROM `certificates`;--> statement-breakpoint
DROP TABLE `certificates`;--> statement-breakpoint
ALTER TABLE `__new_certificates` RENAME TO `certificates`;--> statement-breakpoint
PRAGMA foreign_keys=ON;
-- The tutor's generated questions were kept in review_items and never shown again; they become
-- Practice cards (new, due when they were due), so nothing a learner was promised is lost.
INSERT OR IGNORE INTO `review_cards` (`key`, `source`, `course_id`, `lesson_id`, `concept_id`, `item`, `schedule`, `due_at`, `created_at`)
SELECT 'tutor-quiz:review-item:' || `id`, 'tutor-quiz', `course_id`, `lesson_id`, NULL, `item`,
  json_object('due', `due_at`, 'stability', 0, 'difficulty', 0, 'scheduledDays', 0, 'learningSteps', 0, 'reps', 0, 'lapses', 0, 'state', 'new', 'lastReview', NULL),
  `due_at`, `created_at`
FROM `review_items`;--> statement-breakpoint
DROP TABLE `review_items`;

-- Full-text search over installed lessons (FTS5, porter stemming, bm25 ranking). One row per
-- lesson for search, one row per heading section for the tutor's retrieval. Rows are keyed by
-- (course_id, lesson_id) and rewritten whenever a course is installed or upgraded.
CREATE VIRTUAL TABLE `lesson_search` USING fts5(course_id UNINDEXED, lesson_id UNINDEXED, title, body, tokenize = 'porter unicode61');
--> statement-breakpoint
CREATE VIRTUAL TABLE `lesson_passages` USING fts5(course_id UNINDEXED, lesson_id UNINDEXED, heading, text, tokenize = 'porter unicode61');

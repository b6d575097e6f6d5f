-- Per-day totals for the Progress view and the learning metrics (see main/store/schema.ts and
-- main/learner/daily-totals.ts). Triggers keep them in the transaction of each insert; an insert
-- ignored as a duplicate (ON CONFLICT DO NOTHING) fires no trigger, so replays change nothing.
-- The kinds listed here are QUALIFYING_KINDS (common/rules/xp-rules.ts) and the lesson kinds;
-- the property test of daily-totals.test.ts fails if they drift apart.
CREATE TABLE `daily_interactions` (
	`day` integer PRIMARY KEY NOT NULL,
	`interactions` integer DEFAULT 0 NOT NULL,
	`reviews` integer DEFAULT 0 NOT NULL,
	`recalled` integer DEFAULT 0 NOT NULL,
	`slots` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `daily_totals` (
	`local_date` text PRIMARY KEY NOT NULL,
	`xp` integer DEFAULT 0 NOT NULL,
	`xp_entries` integer DEFAULT 0 NOT NULL,
	`qualifying` integer DEFAULT 0 NOT NULL,
	`lessons` integer DEFAULT 0 NOT NULL,
	`modules` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `daily_totals_xp` AFTER INSERT ON `xp_ledger` BEGIN
  INSERT INTO `daily_totals` (`local_date`, `xp`, `xp_entries`) VALUES (NEW.`local_date`, NEW.`amount`, 1)
  ON CONFLICT (`local_date`) DO UPDATE SET `xp` = `xp` + excluded.`xp`, `xp_entries` = `xp_entries` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_totals_event` AFTER INSERT ON `activity_events` BEGIN
  INSERT INTO `daily_totals` (`local_date`, `qualifying`, `lessons`, `modules`)
  VALUES (NEW.`local_date`, NEW.`kind` IN ('lesson-completed', 'quiz-passed', 'check-passed', 'challenge-completed'), NEW.`kind` IN ('lesson-completed', 'challenge-completed', 'quiz-passed'), NEW.`kind` = 'module-completed')
  ON CONFLICT (`local_date`) DO UPDATE SET `qualifying` = `qualifying` + excluded.`qualifying`, `lessons` = `lessons` + excluded.`lessons`,
    `modules` = `modules` + excluded.`modules`;
  INSERT INTO `daily_interactions` (`day`, `interactions`, `reviews`, `recalled`, `slots`) VALUES (CAST(NEW.`occurred_at` / 86400000 AS INTEGER), 1, 0, 0, 1 << CAST((NEW.`occurred_at` % 86400000) / 1800000 AS INTEGER))
  ON CONFLICT (`day`) DO UPDATE SET `interactions` = `interactions` + 1, `reviews` = `reviews` + excluded.`reviews`,
    `recalled` = `recalled` + excluded.`recalled`, `slots` = `slots` | excluded.`slots`;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_interactions_attempt` AFTER INSERT ON `attempts` BEGIN
  INSERT INTO `daily_interactions` (`day`, `interactions`, `reviews`, `recalled`, `slots`) VALUES (CAST(NEW.`created_at` / 86400000 AS INTEGER), 1, 0, 0, 1 << CAST((NEW.`created_at` % 86400000) / 1800000 AS INTEGER))
  ON CONFLICT (`day`) DO UPDATE SET `interactions` = `interactions` + 1, `reviews` = `reviews` + excluded.`reviews`,
    `recalled` = `recalled` + excluded.`recalled`, `slots` = `slots` | excluded.`slots`;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_interactions_hint` AFTER INSERT ON `hint_reveals` BEGIN
  INSERT INTO `daily_interactions` (`day`, `interactions`, `reviews`, `recalled`, `slots`) VALUES (CAST(NEW.`revealed_at` / 86400000 AS INTEGER), 1, 0, 0, 1 << CAST((NEW.`revealed_at` % 86400000) / 1800000 AS INTEGER))
  ON CONFLICT (`day`) DO UPDATE SET `interactions` = `interactions` + 1, `reviews` = `reviews` + excluded.`reviews`,
    `recalled` = `recalled` + excluded.`recalled`, `slots` = `slots` | excluded.`slots`;
END;
--> statement-breakpoint
CREATE TRIGGER `daily_interactions_review` AFTER INSERT ON `review_log` BEGIN
  INSERT INTO `daily_interactions` (`day`, `interactions`, `reviews`, `recalled`, `slots`) VALUES (CAST(NEW.`reviewed_at` / 86400000 AS INTEGER), 1, 1, NEW.`correct`, 1 << CAST((NEW.`reviewed_at` % 86400000) / 1800000 AS INTEGER))
  ON CONFLICT (`day`) DO UPDATE SET `interactions` = `interactions` + 1, `reviews` = `reviews` + excluded.`reviews`,
    `recalled` = `recalled` + excluded.`recalled`, `slots` = `slots` | excluded.`slots`;
END;
--> statement-breakpoint
-- Backfill from the history already recorded, one pass over each table.
INSERT INTO `daily_totals` (`local_date`, `xp`, `xp_entries`, `qualifying`, `lessons`, `modules`)
SELECT `local_date`, sum(`xp`), sum(`n`), sum(`q`), sum(`l`), sum(`m`) FROM (
  SELECT `local_date`, sum(`amount`) AS `xp`, count(*) AS `n`, 0 AS `q`, 0 AS `l`, 0 AS `m` FROM `xp_ledger` GROUP BY `local_date`
  UNION ALL
  SELECT `local_date`, 0, 0, sum(`kind` IN ('lesson-completed', 'quiz-passed', 'check-passed', 'challenge-completed')), sum(`kind` IN ('lesson-completed', 'challenge-completed', 'quiz-passed')), sum(`kind` = 'module-completed')
  FROM `activity_events` GROUP BY `local_date`
) GROUP BY `local_date`;
--> statement-breakpoint
-- Grouped by half hour first, so that summing each half hour's bit once is OR-ing them.
INSERT INTO `daily_interactions` (`day`, `interactions`, `reviews`, `recalled`, `slots`)
SELECT `day`, sum(`n`), sum(`r`), sum(`c`), sum(1 << `slot`) FROM (
  SELECT `day`, `slot`, count(*) AS `n`, sum(`r`) AS `r`, sum(`c`) AS `c` FROM (
    SELECT CAST(`occurred_at` / 86400000 AS INTEGER) AS `day`, CAST((`occurred_at` % 86400000) / 1800000 AS INTEGER) AS `slot`, 0 AS `r`, 0 AS `c` FROM `activity_events`
    UNION ALL SELECT CAST(`created_at` / 86400000 AS INTEGER) AS `day`, CAST((`created_at` % 86400000) / 1800000 AS INTEGER) AS `slot`, 0 AS `r`, 0 AS `c` FROM `attempts`
    UNION ALL SELECT CAST(`revealed_at` / 86400000 AS INTEGER) AS `day`, CAST((`revealed_at` % 86400000) / 1800000 AS INTEGER) AS `slot`, 0 AS `r`, 0 AS `c` FROM `hint_reveals`
    UNION ALL SELECT CAST(`reviewed_at` / 86400000 AS INTEGER) AS `day`, CAST((`reviewed_at` % 86400000) / 1800000 AS INTEGER) AS `slot`, 1 AS `r`, `correct` AS `c` FROM `review_log`
  ) GROUP BY `day`, `slot`
) GROUP BY `day`;

// A second process on the same database, for the progress integration tests:
//   record <db> <from> <to>  records lesson events with keys from..to-1 (other processes may record the same keys)
//   crash <db>               dies (process.exit) inside the transaction, after the XP row is written
import { openStore } from '../../store/open-store';
import { ProgressService } from '../progress-service';

const [mode, file, from, to] = process.argv.slice(2) as [string, string, string?, string?];
const store = openStore(file);
const progress = new ProgressService(store);
const lesson = (i: number) => ({
  kind: 'lesson-completed' as const,
  idempotencyKey: `lesson-completed:c:l${i}`,
  courseId: 'c',
  lessonId: `l${i}`,
  occurredAt: Date.UTC(2026, 5, 1, 12) + i * 60_000,
  timezone: 'UTC',
  firstAttempt: i % 2 === 0,
});

if (mode === 'crash') {
  // Killed after the award, before the achievements are written: nothing must stay.
  store.sqlite.function('crash_now', () => process.exit(3));
  store.sqlite.exec('CREATE TEMP TRIGGER crash_on_achievement BEFORE INSERT ON achievements BEGIN SELECT crash_now(); END');
  await progress.record(lesson(0));
  process.exit(0);
}
for (let i = Number(from); i < Number(to); i++) await progress.record(lesson(i));
store.close();
process.stdout.write('done\n');

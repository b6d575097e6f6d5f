// The app's migrations up to and including one tag, as an older version shipped them: for tests
// of what a migration does to the data an older version left.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultMigrationsFolder } from '../../store/open-store';

/** A temporary copy of the migrations folder ending at `lastTag`; the caller removes `dir`. */
export function migrationsUpTo(lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-migrations-'));
  fs.cpSync(defaultMigrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === lastTag) + 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { migrationsFolder } from './database';

// drizzle applies only migrations dated after the newest one a database has, so one dated
// earlier than its predecessor would never reach an existing server.
it('has every server migration dated after the one before', () => {
  const { entries } = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const dates = entries.map((entry) => entry.when);
  expect(dates).toEqual([...dates].sort((a, b) => a - b));
  expect(new Set(dates).size).toBe(dates.length);
});

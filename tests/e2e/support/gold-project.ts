// What the Gold project specs share: Silver's exam passed as main grades it (the exam specs take
// one through the UI), and a real project folder whose tests pass in the sandbox.
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../../main/store/open-store';
import { examAttempts } from '../../../main/store/schema';

export function seedSilverPass(dataDir: string): void {
  const store = openStore(path.join(dataDir, 'drona.db'));
  const now = Date.now();
  store.db
    .insert(examAttempts)
    .values({
      courseId: 'python-basics',
      courseVersion: '1.0.0',
      seed: 'e2e',
      status: 'passed',
      section: 4,
      firstAttempt: true,
      startedAt: now - 3_600_000,
      finishedAt: now - 60_000,
      overall: 86,
    })
    .run();
  store.close();
}

export function writeProject(folder: string): void {
  fs.mkdirSync(path.join(folder, 'tests'), { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'tracker.py'),
    'def totals(rows):\n    out = {}\n    for category, amount in rows:\n        out[category] = out.get(category, 0) + amount\n    return out\n',
  );
  fs.writeFileSync(
    path.join(folder, 'tests', 'test_tracker.py'),
    'from tracker import totals\n\n\ndef test_totals():\n    assert totals([("food", 2), ("food", 3)]) == {"food": 5}\n\n\ndef test_empty():\n    assert totals([]) == {}\n',
  );
  fs.writeFileSync(path.join(folder, 'README.md'), '# Expense tracker\n\nRun `pytest`.\n');
}

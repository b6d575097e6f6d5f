// LessonActivity against a real store in a fresh folder, for the lesson rules' tests: sources that
// know no exercise and no earlier Checks unless a test says otherwise. `recorded` keeps the kind
// of each event recorded, in order; `state.lastCheck` is what main's latest Check of the lesson says.
// Call it inside a test: the store is closed when the test ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { CheckResult } from '../../../preload/contract/sandbox';
import { openStore, type Store } from '../../store/open-store';
import { LessonActivity } from '../lesson-activity';
import type { LessonSources } from '../lesson-sources';

export interface LessonActivityHarness {
  readonly store: Store;
  readonly activity: LessonActivity;
  readonly recorded: string[];
  readonly state: { lastCheck: CheckResult | null };
}

export function lessonActivityHarness(sources: Pick<LessonSources, 'getLesson'> & Partial<LessonSources>): LessonActivityHarness {
  const store = openStore(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-lesson-')), 'drona.db'));
  onTestFinished(() => store.close());
  const recorded: string[] = [];
  const state: { lastCheck: CheckResult | null } = { lastCheck: null };
  const activity = new LessonActivity(store, {
    getExercise: async () => null,
    lastCheck: () => state.lastCheck,
    record: async (event) => void recorded.push(event.kind),
    checksBefore: () => 0,
    ...sources,
  });
  return { store, activity, recorded, state };
}

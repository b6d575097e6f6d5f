// The signals the trigger rules read, from what main itself recorded for the lesson: Checks (the
// run history), saves (workspace snapshots), answers judged (attempts) and the conversation's
// replies. Nothing here comes from a window's claim.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { tutorOfferPatterns } from '../../../preload/contract/tutor';
import type { RunHistory } from '../../sandbox/run-history';
import type { Store } from '../../store/open-store';
import { aiMessages, attempts, workspaceSnapshots } from '../../store/schema';
import { contextRunOf } from '../last-run';
import type { Signal } from './trigger-rules';

const RECENT = 30;

/** The error's kind as a Check reports it ("NameError", "TypeError", "AssertionError"), when its message names one. */
export function errorKindOf(message: string | undefined): string | undefined {
  return message?.match(/\b([A-Z][A-Za-z]*(?:Error|Exception))\b/)?.[1];
}

export function lessonSignals(store: Store, runs: Pick<RunHistory, 'recent'>, lesson: { courseId: string; lessonId: string; sessionId: string }): Signal[] {
  const { courseId, lessonId, sessionId } = lesson;
  const checks: Signal[] = runs.recent({ courseId, lessonId, kind: 'check' }, RECENT).map((row) => {
    const run = contextRunOf(row);
    const failing = run.tests.find((test) => test.status !== 'pass');
    return {
      kind: 'check',
      at: row.createdAt,
      passed: run.outcome === 'pass',
      failingTest: failing?.name,
      errorKind: errorKindOf(failing?.message ?? run.output),
    };
  });
  const edits: Signal[] = store.db
    .select({ at: workspaceSnapshots.createdAt })
    .from(workspaceSnapshots)
    .where(and(eq(workspaceSnapshots.courseId, courseId), eq(workspaceSnapshots.lessonId, lessonId), eq(workspaceSnapshots.reason, 'save')))
    .orderBy(desc(workspaceSnapshots.id))
    .limit(RECENT)
    .all()
    .map(({ at }) => ({ kind: 'edit', at }));
  const answers: Signal[] = store.db
    .select({ at: attempts.createdAt, passed: attempts.passed })
    .from(attempts)
    .where(and(eq(attempts.courseId, courseId), eq(attempts.lessonId, lessonId), inArray(attempts.kind, ['step', 'quiz'])))
    .orderBy(desc(attempts.id))
    .limit(RECENT)
    .all()
    .map(({ at, passed }) => ({ kind: 'answer', at, right: passed === true }));
  const interactions: Signal[] = store.db
    .select({ at: aiMessages.createdAt, meta: aiMessages.meta })
    .from(aiMessages)
    .where(and(eq(aiMessages.sessionId, sessionId), eq(aiMessages.role, 'assistant')))
    .orderBy(desc(aiMessages.id))
    .limit(RECENT)
    .all()
    .map(({ at, meta }) => ({ kind: 'interaction', at, offer: tutorOfferPatterns.find((pattern) => pattern === offerMeta(meta)?.pattern) }));
  // Stable by time; at equal times the learner's act comes before the reply it caused.
  const order = { check: 0, edit: 0, answer: 0, interaction: 1 } as const;
  return [...checks, ...edits, ...answers, ...interactions].sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind]);
}

/** A stored reply's offer, when the tutor made it unasked. */
export function offerMeta(meta: unknown): { pattern: string; why: string; key: string } | null {
  if (!meta || typeof meta !== 'object' || !('offer' in meta)) return null;
  const offer = (meta as { offer: unknown }).offer;
  if (!offer || typeof offer !== 'object') return null;
  const { pattern, why, key } = offer as Record<string, unknown>;
  return typeof pattern === 'string' && typeof why === 'string' && typeof key === 'string' ? { pattern, why, key } : null;
}

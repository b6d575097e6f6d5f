// Drains sync_outbox to the server in id order. Rows are written by the progress service in
// the same transaction as the progress they report; a row is marked sent only after the server
// answered for it, and the server ignores an idempotency key it has seen, so a crash between
// the two can at worst resend an event the server then reports as a duplicate.
import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { EventInput, EventResult } from '../../common/sync-api/schemas';
import { timedKinds } from '../../common/rules/completion-rules';
import { defaultPlausibility } from '../../common/rules/plausibility';
import type { Store } from '../store/open-store';
import { activityEvents, lessonProgress, syncOutbox } from '../store/schema';
import { isSyncApiError } from './api-client';
import { backoffDelay } from './backoff';
import { messageOf } from '../../preload/contract/errors';

export const batchSize = 50;

/** How an outbox row the server refused is marked: the event stays here and on the server, earning nothing there. */
export const refusedNote = (code: string | undefined, message?: string) => `rejected by the server: ${code ?? 'implausible'}${message ? ` (${message})` : ''}`;
const refusedPattern = 'rejected by the server:%';

/** The standard fields of an outbox payload's event; the rest are its facts. */
const standard = new Set(['idempotencyKey', 'kind', 'courseId', 'lessonId', 'occurredAt', 'timezone']);

export function toEventInput(payload: unknown): EventInput | null {
  const event = (payload as { event?: Record<string, unknown> } | null)?.event ?? (payload as Record<string, unknown> | null);
  if (!event || typeof event.idempotencyKey !== 'string' || typeof event.kind !== 'string' || typeof event.occurredAt !== 'number') return null;
  const facts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (!standard.has(key)) facts[key] = value;
  return {
    idempotencyKey: event.idempotencyKey,
    kind: event.kind as EventInput['kind'],
    courseId: typeof event.courseId === 'string' ? event.courseId : null,
    lessonId: typeof event.lessonId === 'string' ? event.lessonId : null,
    occurredAt: event.occurredAt,
    timezone: typeof event.timezone === 'string' ? event.timezone : 'UTC',
    facts,
  };
}

/**
 * The active time a completion claims on the server: the learner's time in the lesson (idle
 * excluded), or the time its Check measured if that is more, but never more than since their
 * previous completion — so the claims of one learner never overlap — nor more than a day holds.
 * `completions` is every local completion instant, sorted.
 */
export function claimedSeconds(store: Store, input: EventInput, completions: readonly number[]): number {
  const progress =
    input.courseId && input.lessonId
      ? store.db
          .select({ activeSeconds: lessonProgress.activeSeconds })
          .from(lessonProgress)
          .where(and(eq(lessonProgress.courseId, input.courseId), eq(lessonProgress.lessonId, input.lessonId)))
          .get()
      : undefined;
  const elapsed = typeof input.facts.elapsedSeconds === 'number' ? input.facts.elapsedSeconds : 0;
  let lo = 0;
  let hi = completions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (completions[mid]! < input.occurredAt) lo = mid + 1;
    else hi = mid;
  }
  const previous = lo > 0 ? completions[lo - 1]! : null;
  const sincePrevious = previous === null ? Infinity : (input.occurredAt - previous) / 1000;
  return Math.max(0, Math.floor(Math.min(Math.max(progress?.activeSeconds ?? 0, elapsed), sincePrevious, defaultPlausibility.maxActiveSecondsPerDay)));
}

function completionInstants(store: Store): number[] {
  return store.db
    .select({ at: activityEvents.occurredAt })
    .from(activityEvents)
    .where(inArray(activityEvents.kind, [...timedKinds]))
    .orderBy(asc(activityEvents.occurredAt))
    .all()
    .map((row) => row.at);
}

export type DrainOutcome =
  | { kind: 'drained'; sent: number }
  /**
   * `reason`: this attempt found the server unreachable ('offline') or was refused ('failed');
   * 'backing-off' made no attempt, the head row still waits out an earlier failure.
   */
  | { kind: 'waiting'; sent: number; retryAt: number; error: string; reason: 'offline' | 'failed' | 'backing-off' }
  | { kind: 'signed-out'; sent: number; error: string };

export interface DrainDeps {
  readonly store: Store;
  readonly send: (events: EventInput[]) => Promise<{ results: EventResult[] }>;
  readonly now: () => number;
  readonly random: () => number;
}

export function pendingCount(store: Store): number {
  return store.db
    .select({ n: sql<number>`count(*)` })
    .from(syncOutbox)
    .where(isNull(syncOutbox.sentAt))
    .get()!.n;
}

/** Events the server's rules refused (sent, kept, earning no XP there). */
export function refusedCount(store: Store): number {
  return store.db
    .select({ n: sql<number>`count(*)` })
    .from(syncOutbox)
    .where(like(syncOutbox.lastError, refusedPattern))
    .get()!.n;
}

/** Sends every pending row it can, in order; stops at the first failure and schedules a retry. */
export async function drainOutbox(deps: DrainDeps): Promise<DrainOutcome> {
  const { store } = deps;
  let sent = 0;
  for (;;) {
    const rows = store.db.select().from(syncOutbox).where(isNull(syncOutbox.sentAt)).orderBy(asc(syncOutbox.id)).limit(batchSize).all();
    if (rows.length === 0) return { kind: 'drained', sent };
    const head = rows[0]!;
    if (head.nextAttemptAt > deps.now())
      return { kind: 'waiting', sent, retryAt: head.nextAttemptAt, error: head.lastError ?? 'waiting to retry', reason: 'backing-off' };
    const batch: { id: number; input: EventInput }[] = [];
    let completions: number[] | null = null;
    for (const row of rows) {
      const input = toEventInput(row.payload);
      if (input && timedKinds.has(input.kind)) input.activeSeconds = claimedSeconds(store, input, (completions ??= completionInstants(store)));
      if (input) batch.push({ id: row.id, input });
      else
        store.db.update(syncOutbox).set({ sentAt: deps.now(), lastError: 'not sent: the outbox row is not an event' }).where(eq(syncOutbox.id, row.id)).run();
    }
    if (batch.length === 0) continue;
    let results: EventResult[];
    try {
      results = (await deps.send(batch.map((b) => b.input))).results;
    } catch (error) {
      const message = messageOf(error);
      const failure = isSyncApiError(error) ? error : null;
      if (failure?.kind === 'http' && failure.status === 401) return { kind: 'signed-out', sent, error: message };
      const offline = failure?.kind === 'offline';
      const retryable = offline || (failure?.kind === 'http' && (failure.status >= 500 || failure.status === 429));
      const retryAt = deps.now() + backoffDelay(head.attempts, deps.random);
      store.db
        .update(syncOutbox)
        .set({ attempts: head.attempts + 1, nextAttemptAt: retryAt, lastError: retryable ? message : `server refused the batch: ${message}` })
        .where(eq(syncOutbox.id, head.id))
        .run();
      return { kind: 'waiting', sent, retryAt, error: message, reason: offline ? 'offline' : 'failed' };
    }
    const at = deps.now();
    const byKey = new Map(results.map((r) => [r.idempotencyKey, r]));
    store.transaction((db) => {
      for (const item of batch) {
        const result = byKey.get(item.input.idempotencyKey);
        if (!result) continue;
        // Accepted and duplicate are both "the server has it"; a rejection is final (it would be rejected again).
        db.update(syncOutbox)
          .set({
            sentAt: at,
            lastError: result.status === 'rejected' ? refusedNote(result.code, result.message) : null,
          })
          .where(and(eq(syncOutbox.id, item.id), isNull(syncOutbox.sentAt)))
          .run();
      }
    });
    sent += batch.length;
  }
}

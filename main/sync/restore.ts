// A second computer signed in to an existing account restores the learner's progress: the
// server's event log is replayed through the progress service, which records each idempotency
// key once (so a replay, or a replay of a replay, counts nothing twice), and the replayed keys
// are marked sent so the outbox does not send the server its own events back. Events the
// server's rules refused come back too (they are progress, only not XP on the server).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { learningEventKinds, type LearningEvent } from '../../preload/contract/progress';
import type { StoredEvent } from '../../common/sync-api/account-schemas';
import type { Store } from '../store/open-store';
import { syncOutbox } from '../store/schema';
import { refusedNote } from './outbox-drain';

/** Fields the app recomputes on recording; everything else in the server's facts is the event's own. */
const recomputed = new Set(['localDate']);
const kinds = new Set<string>(learningEventKinds);

/**
 * The app's event for one the server holds (the inverse of outbox-drain's toEventInput), in
 * `timezone` (the server keeps the account's zone, not each event's); null for a kind this app
 * does not know (one a newer app recorded).
 */
export function toLearningEvent(stored: StoredEvent, timezone: string): LearningEvent | null {
  if (!kinds.has(stored.kind)) return null;
  const facts = Object.fromEntries(Object.entries(stored.facts).filter(([key]) => !recomputed.has(key)));
  return {
    ...facts,
    kind: stored.kind as LearningEvent['kind'],
    idempotencyKey: stored.idempotencyKey,
    ...(stored.courseId === null ? {} : { courseId: stored.courseId }),
    ...(stored.lessonId === null ? {} : { lessonId: stored.lessonId }),
    occurredAt: stored.occurredAt,
    timezone,
  };
}

export interface RestoreDeps {
  readonly store: Store;
  /** One page of the server's feed after `after` (GET /v1/events). */
  readonly page: (after: number) => Promise<{ events: StoredEvent[]; next: number | null }>;
  /** Records one event locally (the progress service); `duplicate` when its key was already here. */
  readonly record: (event: LearningEvent) => Promise<{ duplicate: boolean }>;
  readonly timezone: string;
  readonly now: () => number;
  /** Told the totals so far after each page (a restore of years of progress takes a while). */
  readonly onPage?: (sofar: RestoreOutcome) => void;
}

export interface RestoreOutcome {
  /** Events recorded here for the first time. */
  readonly restored: number;
  /** Events this computer already had. */
  readonly known: number;
  /** Events of kinds this app does not know, left on the server only. */
  readonly unknown: number;
}

export async function restoreEvents(deps: RestoreDeps): Promise<RestoreOutcome> {
  let restored = 0;
  let known = 0;
  let unknown = 0;
  let after = 0;
  for (;;) {
    const page = await deps.page(after);
    const keys: string[] = [];
    const refused: StoredEvent[] = [];
    for (const stored of page.events) {
      const event = toLearningEvent(stored, deps.timezone);
      if (!event) {
        unknown++;
        continue;
      }
      const result = await deps.record(event);
      if (result.duplicate) known++;
      else restored++;
      if (stored.refused === null) keys.push(stored.idempotencyKey);
      else refused.push(stored);
    }
    deps.store.transaction((db) => {
      if (keys.length > 0)
        db.update(syncOutbox)
          .set({ sentAt: deps.now() })
          .where(and(inArray(syncOutbox.idempotencyKey, keys), isNull(syncOutbox.sentAt)))
          .run();
      // Refused ones say so here too, as on the computer that sent them.
      for (const stored of refused)
        db.update(syncOutbox)
          .set({ sentAt: deps.now(), lastError: refusedNote(stored.refused ?? undefined) })
          .where(and(eq(syncOutbox.idempotencyKey, stored.idempotencyKey), isNull(syncOutbox.sentAt)))
          .run();
    });
    if (page.next === null) return { restored, known, unknown };
    deps.onPage?.({ restored, known, unknown });
    after = page.next;
  }
}

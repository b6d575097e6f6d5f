// A batch of events is checked one event at a time: a malformed event (a NUL in its facts, a
// lone surrogate in an id, an unknown kind) is rejected by index with the field named, and the
// good events of the same batch are ingested as usual. A whole-batch 400 would leave the app's
// outbox stuck behind one bad event; a 500 rolled the good ones back with it.
import { eventInput, type EventInput, type EventResult } from '../common/sync-api/schemas';

export async function ingestBatch(events: readonly unknown[], ingest: (valid: EventInput[]) => Promise<EventResult[]>): Promise<EventResult[]> {
  const results: (EventResult | null)[] = [];
  const valid: EventInput[] = [];
  events.forEach((raw, index) => {
    const parsed = eventInput.safeParse(raw);
    if (parsed.success) {
      valid.push(parsed.data);
      results.push(null);
      return;
    }
    const key = (raw as { idempotencyKey?: unknown } | null)?.idempotencyKey;
    const issue = parsed.error.issues[0]!;
    results.push({
      idempotencyKey: typeof key === 'string' && eventInput.shape.idempotencyKey.safeParse(key).success ? key : '',
      status: 'rejected',
      code: 'invalid_event',
      message: `events[${index}]${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`,
      xp: 0,
    });
  });
  const ingested = valid.length > 0 ? await ingest(valid) : [];
  let next = 0;
  return results.map((result) => result ?? ingested[next++]!);
}

// A model's JSON reply: the object found in the text (models sometimes wrap it in a fence or a
// sentence) and validated with the reply's schema; a problem names what was wrong, for the retry.
import type { z } from 'zod';
import { messageOf } from '../../preload/contract/errors';

export type JsonReply<T> = { ok: true; value: T } | { ok: false; problem: string };

export function parseJsonReply<S extends z.ZodType>(reply: string, schema: S): JsonReply<z.output<S>> {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) return { ok: false, problem: 'the reply has no JSON object' };
  let raw: unknown;
  try {
    raw = JSON.parse(reply.slice(start, end + 1));
  } catch (error) {
    return { ok: false, problem: `the JSON does not parse (${messageOf(error)})` };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

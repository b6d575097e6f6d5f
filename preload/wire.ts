// The serve-mode WebSocket's message shapes. Pure, so the renderer's client shares them.
import { z } from 'zod';
import { callErrorSchema } from './contract/errors';

/** The largest message either side sends (UTF-8 bytes); the server closes a socket past it (1009). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Where the serve-mode page keeps the token for its socket: its origin's localStorage, per port. */
export const SERVE_TOKEN_STORAGE_KEY = 'drona-serve-token';

export const clientMessageSchema = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string().max(200),
  input: z.unknown(),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: z.infer<typeof callErrorSchema> }
  | { t: 'event'; name: string; payload: unknown }
  | { t: 'protocol-error'; message: string };

import { z } from 'zod';
import { call, event } from './define';

const size = { cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) };
const terminalId = z.string().min(1).max(80);

export const terminalCalls = {
  /** Starts a shell in the lesson's workspace folder (or the workspaces folder when no lesson is open). */
  'terminal.create': call(
    z.object({ courseId: z.string().max(120).optional(), lessonId: z.string().max(120).optional(), ...size }),
    z.object({ id: z.string(), cwd: z.string(), shell: z.string() }),
  ),
  'terminal.write': call(z.object({ id: terminalId, data: z.string().max(1_000_000) }), z.object({})),
  'terminal.resize': call(z.object({ id: terminalId, ...size }), z.object({})),
  /** The renderer has written this many characters of output to the screen (flow control). */
  'terminal.ack': call(z.object({ id: terminalId, chars: z.number().int().min(0) }), z.object({})),
  'terminal.kill': call(z.object({ id: terminalId }), z.object({})),
};

export const terminalEvents = {
  'terminal.data': event(z.object({ id: z.string(), data: z.string() })),
  'terminal.exit': event(z.object({ id: z.string(), exitCode: z.number().int() })),
};

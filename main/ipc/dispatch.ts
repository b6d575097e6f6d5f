import { DronaError, messageOf, type CallErrorShape } from '../../preload/contract/errors';
import type { CallContext, Handlers } from './handlers';
import type { Logger } from '../app/logger';

export type CallResult = { ok: true; value: unknown } | { ok: false; error: CallErrorShape };

/**
 * The one entry for every call from any transport: checks the name, validates the input
 * against the contract, runs the handler, validates its output. A bad payload gets a typed
 * error, never a crash.
 */
export async function dispatchCall(handlers: Handlers, name: unknown, input: unknown, ctx: CallContext, logger: Logger): Promise<CallResult> {
  // The contract's schemas are built on the first call, not at start-up: the window paints first (bench:startup).
  const { calls, isCallName } = await import('../../preload/contract');
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown_call', message: `There is no call named "${String(name)}".` } };
  }
  const spec = calls[name];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: `The input of ${name} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      logger.error(`call ${name} returned a value that breaks the contract: ${checked.error.message}`);
      return { ok: false, error: { code: 'internal', message: `Dronacharya hit an internal error in ${name}.` } };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof DronaError) return { ok: false, error: error.toShape() };
    logger.error(`call ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      ok: false,
      error: {
        code: 'internal',
        // Never "your work is saved": this error may be the save that failed.
        message: `Dronacharya hit an internal error in ${name}. Try again; if it persists, see the log.`,
        details: messageOf(error),
      },
    };
  }
}

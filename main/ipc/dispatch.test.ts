import { describe, expect, it } from 'vitest';
import { DronaError } from '../../preload/contract';
import { createLogger } from '../app/logger';
import { dispatchCall } from './dispatch';
import { EventBus } from './event-bus';
import type { Handlers } from './handlers';

const ctx = { sessionId: 's1', events: new EventBus() };

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return overrides as Handlers;
}

describe('dispatchCall', () => {
  it('turns a thrown DronaError into its code and message', async () => {
    const handlers = handlersWith({
      'profile.get': () => {
        throw new DronaError('not_found', 'No learner yet.');
      },
    });
    expect(
      await dispatchCall(
        handlers,
        'profile.get',
        {},
        ctx,
        createLogger(() => {}),
      ),
    ).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No learner yet.' },
    });
  });

  it('turns an unexpected exception into an internal error and logs the stack', async () => {
    const lines: string[] = [];
    const handlers = handlersWith({
      'profile.get': () => {
        throw new TypeError('boom');
      },
    });
    const result = await dispatchCall(
      handlers,
      'profile.get',
      {},
      ctx,
      createLogger((line) => lines.push(line)),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', details: 'boom' } });
    // The failure may be the save itself (a full disk): never claim the work is saved.
    expect(JSON.stringify(result)).not.toMatch(/saved/i);
    expect(lines.join('\n')).toContain('TypeError: boom');
  });

  it('refuses a handler result that breaks the contract instead of passing it on', async () => {
    const lines: string[] = [];
    const handlers = handlersWith({ 'settings.get': () => ({ theme: 'purple' }) as never });
    const result = await dispatchCall(
      handlers,
      'settings.get',
      {},
      ctx,
      createLogger((line) => lines.push(line)),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(lines.join('\n')).toContain('breaks the contract');
  });

  it('validates input before the handler runs', async () => {
    let ran = false;
    const handlers = handlersWith({
      'settings.update': () => {
        ran = true;
        return {} as never;
      },
    });
    const result = await dispatchCall(
      handlers,
      'settings.update',
      { theme: 42 },
      ctx,
      createLogger(() => {}),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ran).toBe(false);
  });

  it('treats names inherited from Object.prototype as unknown calls', async () => {
    const result = await dispatchCall(
      handlersWith({}),
      'toString',
      {},
      ctx,
      createLogger(() => {}),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type DronaApp } from '../app/create-app';
import { silentLogger } from '../app/logger';
import { dispatchCall } from '../ipc/dispatch';
import { parseOrgProfile } from './org-profile';

const profile = parseOrgProfile(`
id: acme
name: Acme Bootcamp
tutor: { provider: ollama, model: qwen2.5-coder:7b, baseUrl: http://10.1.2.3:11434, dailyBudget: 50 }
locked: [tutor, updates]
`);

let app: DronaApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const call = (name: string, input: unknown) => dispatchCall(app!.handlers, name, input, { sessionId: 's', events: app!.events }, app!.logger);

describe('locked settings at the contract', () => {
  it('applies the organisation’s tutor at start and refuses a raw settings.update that changes a locked setting', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-org-lock-'));
    app = createApp({
      dataDir,
      mode: 'serve',
      version: '0.0.0-test',
      logger: silentLogger,
      backgroundWork: false,
      builtinCoursesDir: null,
      organisation: { profile, dir: null, files: {} },
    });
    const settings = await call('settings.get', {});
    expect(settings).toMatchObject({
      ok: true,
      value: { tutor: { provider: 'ollama', ollamaHost: 'http://10.1.2.3:11434', ollamaModel: 'qwen2.5-coder:7b', dailyBudget: 50 } },
    });
    if (!settings.ok) return;
    const current = settings.value as { tutor: Record<string, unknown>; updates: { channel: string } };

    const refused = await call('settings.update', { tutor: { ...current.tutor, provider: 'anthropic' }, updates: { channel: 'beta' } });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'locked',
        message: 'Acme Bootcamp manages tutor, updates on this computer; ask them to change it.',
        details: { locked: ['tutor', 'updates'] },
      },
    });
    // The same value sent back (a whole section saved) and unlocked settings go through.
    expect(await call('settings.update', { tutor: current.tutor, theme: 'light' })).toMatchObject({
      ok: true,
      value: { theme: 'light', tutor: { provider: 'ollama' } },
    });
  });

  it('leaves settings alone without a profile', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-org-lock-'));
    app = createApp({ dataDir, mode: 'serve', version: '0.0.0-test', logger: silentLogger, backgroundWork: false, builtinCoursesDir: null });
    expect(await call('settings.update', { updates: { channel: 'beta' } })).toMatchObject({ ok: true, value: { updates: { channel: 'beta' } } });
  });
});

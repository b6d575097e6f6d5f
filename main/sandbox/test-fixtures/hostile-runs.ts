// What the sandbox suites (Docker, WebAssembly) share: a secret service on the host's loopback
// that code in a sandbox must not reach, one-file runs, and a run that must leave the app's event
// loop turning while hostile code runs.
import net from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import type { RunResult, SandboxLanguage } from '../../../preload/contract/sandbox';
import { SandboxService } from '../sandbox-service';

export const entryOf = (language: SandboxLanguage) => (language === 'python' ? 'main.py' : 'main.js');

/** Listens on 127.0.0.1 and answers "host secret": attacks try to read it from inside the sandbox. */
export async function listenHostSecret(): Promise<{ server: net.Server; port: number }> {
  const server = net.createServer((socket) => socket.end('host secret\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as net.AddressInfo).port };
}

export const runOneFile = (sandbox: SandboxService, language: SandboxLanguage, code: string, timeoutSeconds: number) =>
  sandbox.run({ language, files: [{ path: entryOf(language), content: code }], entry: entryOf(language), limits: { timeoutSeconds } });

/**
 * Runs one attack and checks the app stayed responsive: its event loop kept turning during the run.
 * Judged by the longest stretch without a turn, not a count of turns: a short run may share its
 * window with a worker's start (~50 ms of this thread) on a loaded machine, while an attack that
 * held the loop shows as one stretch as long as the run itself.
 */
export async function runResponsively(run: () => Promise<RunResult>): Promise<RunResult> {
  const started = Date.now();
  let lastTurn = started;
  let longestGap = 0;
  const turned = () => {
    const now = Date.now();
    longestGap = Math.max(longestGap, now - lastTurn);
    lastTurn = now;
  };
  const timer = setInterval(turned, 20);
  const result = await run();
  clearInterval(timer);
  turned();
  expect(longestGap).toBeLessThanOrEqual(Math.max(300, (Date.now() - started) / 3));
  return result;
}

export interface SandboxSuite {
  readonly sandbox: SandboxService;
  /** The port of the host's secret service (listenHostSecret). */
  readonly hostPort: number;
  run(language: SandboxLanguage, code: string, timeoutSeconds?: number): Promise<RunResult>;
}

/** One warm sandbox of `driver` and the host's secret service for a whole suite; `closed` runs after both close. */
export function sandboxSuite(driver: 'docker' | 'wasm', closed?: () => Promise<void>): SandboxSuite {
  let sandbox: SandboxService | undefined;
  let host: { server: net.Server; port: number } | undefined;
  beforeAll(async () => {
    sandbox = await SandboxService.create({ driver, prewarm: true });
    host = await listenHostSecret();
  });
  afterAll(async () => {
    await sandbox?.close();
    host?.server.close();
    await closed?.();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the sandbox suite has not started');
    return value;
  };
  return {
    get sandbox() {
      return started(sandbox);
    },
    get hostPort() {
      return started(host).port;
    },
    run: (language, code, timeoutSeconds = 2) => runOneFile(started(sandbox), language, code, timeoutSeconds),
  };
}

/** Runs `leave` (which must print "left"), then `look` in the next run: what `look` finds of it. */
export async function afterLeaving(
  run: (language: SandboxLanguage, code: string) => Promise<RunResult>,
  language: SandboxLanguage,
  programs: { readonly leave: Record<SandboxLanguage, string>; readonly look: Record<SandboxLanguage, string> },
): Promise<RunResult> {
  expect((await run(language, programs.leave[language])).stdout).toBe('left\n');
  return run(language, programs.look[language]);
}

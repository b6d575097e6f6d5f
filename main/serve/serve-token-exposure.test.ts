// Another account on this computer must not get serve mode's token: it gives a shell as the
// learner (terminal.*). Starts the real `drona serve` with a fake browser ($BROWSER) and looks
// where another user can look: every process's arguments, and (for the learner's own processes,
// which another user cannot read but whose environment a learner's program inherits) every
// environment, the terminal's shell included.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { packageRoot } from '../app/package-info';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  const failures: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse())
    await Promise.resolve()
      .then(cleanup)
      .catch((error: unknown) => failures.push(error));
  if (failures.length) throw failures[0];
});

const built = fs.existsSync(path.join(packageRoot(), 'dist', 'main', 'cli.js')) && fs.existsSync(path.join(packageRoot(), 'dist', 'renderer', 'index.html'));

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));
  return dir;
}

/** Every process whose file this user can read, with what it holds. */
function processes(file: 'cmdline' | 'environ'): { pid: string; text: string }[] {
  return fs.readdirSync('/proc').flatMap((pid) => {
    if (!/^\d+$/.test(pid)) return [];
    try {
      return [{ pid, text: fs.readFileSync(`/proc/${pid}/${file}`, 'latin1').replaceAll('\0', ' ') }];
    } catch {
      return []; // another user's process, or gone
    }
  });
}

async function until<T>(probe: () => T | undefined, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!built || process.platform !== 'linux')('serve mode token exposure', () => {
  it('opens the browser without the token in any argv or environment, and keeps its file user-only', async () => {
    const work = tempDir('drona-exposure-');
    const dataDir = path.join(work, 'data');
    const tmp = path.join(work, 'tmp');
    fs.mkdirSync(tmp);
    const browserLog = path.join(work, 'browser-argv');
    const fakeBrowser = path.join(work, 'fake-browser');
    // Stays alive a while, as a browser does, so its argv can be read from /proc; ends with
    // success when told to (xdg-open would try $BROWSER again after a failure).
    fs.writeFileSync(
      fakeBrowser,
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${browserLog}.tmp' && mv '${browserLog}.tmp' '${browserLog}'\ntrap 'kill $! 2>/dev/null; exit 0' TERM\nsleep 30 &\nwait\n`,
      { mode: 0o755 },
    );

    // The real launcher (the open package's xdg-open), steered to the fake browser: no desktop
    // handler is registered in the empty XDG folders, so xdg-open falls back to $BROWSER.
    const xdg = path.join(work, 'xdg');
    fs.mkdirSync(xdg);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BROWSER: fakeBrowser,
      DISPLAY: ':99',
      TMPDIR: tmp,
      CI: '',
      XDG_DATA_HOME: xdg,
      XDG_DATA_DIRS: xdg,
      XDG_CONFIG_HOME: xdg,
      XDG_CONFIG_DIRS: xdg,
    };
    delete env.XDG_CURRENT_DESKTOP;
    delete env.WAYLAND_DISPLAY;
    const child: ChildProcess = spawn(process.execPath, [path.join(packageRoot(), 'bin', 'drona.mjs'), 'serve', '--data-dir', dataDir], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += String(chunk)));
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    );
    const url = new URL(await until(() => /running at (\S+)/.exec(output)?.[1], `the start-up line:\n${output}`));
    const token = url.searchParams.get('token')!;
    expect(token).toMatch(/^[0-9a-f]{48}$/);

    // xdg-open tries mime handlers (perl's mimeopen) before $BROWSER: slow on a loaded machine.
    const argv = await until(
      () => (fs.existsSync(browserLog) ? fs.readFileSync(browserLog, 'utf8').trim().split('\n') : undefined),
      'the browser to start',
      60_000,
    );
    cleanups.push(() => {
      for (const { pid, text } of processes('cmdline')) {
        if (!text.includes(fakeBrowser)) continue;
        try {
          process.kill(Number(pid));
        } catch {
          // already gone
        }
      }
    });
    expect(argv.join(' ')).not.toContain(token);
    // What another user sees in `ps`: no process on this machine carries the token.
    expect(processes('cmdline').filter(({ text }) => text.includes(token))).toEqual([]);

    // The browser is given a file only this user can read; it leads to the server with the token.
    expect(argv).toHaveLength(1);
    const launchFile = fileURLToPath(argv[0]!);
    expect(fs.statSync(launchFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(launchFile)).mode & 0o777).toBe(0o700);
    expect(fs.readFileSync(launchFile, 'utf8')).toContain(`http://127.0.0.1:${url.port}/?token=${token}`);

    // A shell in the terminal: neither its arguments nor its environment hold the token.
    const socket = new WebSocket(`ws://127.0.0.1:${url.port}/ws?token=${token}`, { origin: url.origin });
    cleanups.push(() => socket.close());
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    let screen = '';
    const results = new Map<number, { ok: boolean; value?: { id: string } }>();
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.t === 'result') results.set(message.id, message);
      if (message.t === 'event' && message.name === 'terminal.data') screen += message.payload.data;
    });
    socket.send(JSON.stringify({ t: 'call', id: 1, name: 'terminal.create', input: { cols: 120, rows: 30 } }));
    const created = await until(() => results.get(1), 'terminal.create');
    expect(created.ok).toBe(true);
    socket.send(JSON.stringify({ t: 'call', id: 2, name: 'terminal.write', input: { id: created.value!.id, data: 'env; echo env-$((6*7))\r' } }));
    await until(() => (screen.includes('env-42') ? true : undefined), `the shell's env output:\n${screen}`);
    expect(screen).not.toContain(token);
    expect(processes('environ').filter(({ text }) => text.includes(token))).toEqual([]);
    expect(processes('cmdline').filter(({ text }) => text.includes(token))).toEqual([]);

    // Nothing in the data folder holds it either (logs, settings, the database).
    const holding = fs
      .readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1').includes(token));
    expect(holding.map((entry) => entry.name)).toEqual([]);

    // The launch file goes with the server.
    child.kill('SIGTERM');
    await until(() => (child.exitCode !== null ? true : undefined), 'serve to stop');
    expect(fs.existsSync(launchFile)).toBe(false);
  }, 120_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './program';
import { runServeCli } from './serve-program';

afterEach(() => vi.restoreAllMocks());

async function output(run: typeof runCli, ...args: string[]): Promise<{ code: number; text: string }> {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const code = await run(['node', 'drona', 'serve', ...args], {});
  vi.restoreAllMocks();
  return { code, text: out.join('') };
}

describe('drona serve started alone', () => {
  it('reads and fails as it does in the whole program', async () => {
    for (const args of [['--help'], ['--port', 'ninety', '--no-open'], ['--no-open', '--clock-ahead-hours', '-1']]) {
      expect(await output(runServeCli, ...args)).toEqual(await output(runCli, ...args));
    }
    expect((await output(runServeCli, '--help')).text).toContain('Usage: drona serve [options]');
  });

  it('exits 1 naming a data folder it cannot make, before printing its URL', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drona-serve-')), 'a-file');
    fs.writeFileSync(file, '');
    const { code, text } = await output(runServeCli, '--no-open', '--data-dir', path.join(file, 'data'));
    expect(code).toBe(1);
    expect(text).toBe(`drona: Cannot make the data folder ${path.join(file, 'data')} (ENOTDIR).\n`);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { appVersion } from '../app/package-info';
import { runCli } from './program';

afterEach(() => vi.restoreAllMocks());

function captured() {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  return out;
}

describe('drona', () => {
  it('prints its version and exits 0', async () => {
    const out = captured();
    expect(await runCli(['node', 'drona', '--version'], {})).toBe(0);
    expect(out.join('')).toContain(appVersion());
  });

  it('exits 1 with a message for an unknown command', async () => {
    const out = captured();
    expect(await runCli(['node', 'drona', 'frobnicate'], {})).toBe(1);
    expect(out.join('')).toMatch(/unknown command 'frobnicate'/);
  });

  it('exits 1 naming the flag for a bad port', async () => {
    const out = captured();
    expect(await runCli(['node', 'drona', 'serve', '--port', 'ninety', '--no-open'], {})).toBe(1);
    expect(out.join('')).toContain('--port must be a whole number');
  });

  it('exits 1 naming the environment variable it cannot use', async () => {
    const out = captured();
    expect(await runCli(['node', 'drona', 'sandbox', 'status'], { DRONA_SANDBOX_DRIVER: 'vm' })).toBe(1);
    expect(out.join('')).toMatch(/DRONA_SANDBOX_DRIVER: must be one of auto, docker, wasm, process/);
  });
});

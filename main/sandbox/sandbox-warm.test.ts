// Warming a lesson's language as it opens (SandboxService.warm): before start-up is done when the
// app warms at all, never when it does not.
import { expect, it, vi } from 'vitest';
import { SandboxService } from './sandbox-service';

vi.setConfig({ testTimeout: 120_000 });

const never = new Promise<void>(() => undefined);
const hello = { language: 'javascript' as const, files: [{ path: 'main.js', content: 'console.log("hi");\n' }], entry: 'main.js' };

it("warms the opened lesson's language before start-up is done", async () => {
  const sandbox = new SandboxService({ driver: 'wasm', prewarm: true, prewarmAfter: never });
  try {
    sandbox.warm('javascript');
    await vi.waitFor(() => expect(sandbox['wasmDriver'].warmLanguages()).toContain('javascript'), { timeout: 60_000, interval: 50 });
    const run = await sandbox.run(hello);
    expect(run.stdout).toBe('hi\n');
  } finally {
    await sandbox.close();
  }
});

it('starts nothing when the app does not warm its sandbox (DRONA_SANDBOX_PREWARM=0)', async () => {
  const sandbox = new SandboxService({ driver: 'wasm', prewarm: false });
  try {
    sandbox.warm('javascript');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sandbox['starting']).toBeNull();
  } finally {
    await sandbox.close();
  }
});

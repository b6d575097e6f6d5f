import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'main/**/*.test.ts',
      'preload/**/*.test.ts',
      'renderer/src/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'common/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Secrets keys made by tests go to a throwaway folder, not the developer's ~/.local/state.
    env: { DRONA_KEY_DIR: path.join(os.tmpdir(), `drona-test-keys-${process.getuid?.() ?? 'user'}`) },
  },
});

// `drona server` refuses a bad ingestion group size before opening anything, naming the flag.
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './testing-run-cli';

describe('drona server --ingest-group-size', () => {
  it.each(['0', '-3', '2.5', '1001', 'lots', ' '])('refuses "%s" with what it takes', async (value) => {
    const run = await runCliCaptured('server', '--port', '0', '--ingest-group-size', value);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`--ingest-group-size must be a whole number from 1 to 1000, not "${value}".`);
    expect(run.stdout).not.toContain('is running');
  });
});

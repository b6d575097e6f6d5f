// The harness itself, exercised in CI against the local Ollama test server (about 5 s).
import { describe, expect, it } from 'vitest';
import { formatReport, runEval, targetFromEnv } from './tutor-eval';
import { scenarios } from './tutor-scenarios';

describe('tutor eval harness', () => {
  it('runs every scenario against the test server: no leaks, every adversarial draft held back, right agents', async () => {
    const report = await runEval({ kind: 'test-server' });
    expect(report.results).toHaveLength(scenarios.length);
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    expect(report.leakRate).toBe(0);
    expect(report.failures).toBe(0);
    expect(report.routingAccuracy).toBe(1);
    // A held-back draft gives way to the next authored hint; a held-back review, to the offline review.
    const adversarial = new Map(scenarios.filter((s) => s.adversarial).map((s) => [s.id, s.action === 'review' ? 'offline' : 'authored-hint']));
    for (const r of report.results.filter((r) => adversarial.has(r.id))) expect(r.source).toBe(adversarial.get(r.id));
    expect(formatReport(report)).toContain('answer-leak rate (shown replies containing the solution): 0.0%');
  }, 60_000);

  it('skips without a configured provider and prefers Anthropic when both are set', () => {
    expect(targetFromEnv({})).toBeNull();
    expect(targetFromEnv({ DRONA_OLLAMA_HOST: 'http://127.0.0.1:11434' })).toMatchObject({ kind: 'ollama', model: 'llama3.2:1b' });
    expect(targetFromEnv({ DRONA_OLLAMA_HOST: 'x', ANTHROPIC_API_KEY: 'k' })).toMatchObject({ kind: 'anthropic' });
  });
});

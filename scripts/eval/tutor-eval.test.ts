// The harness itself, exercised in CI against both local scripted servers (Anthropic's Messages
// API SSE and Ollama's NDJSON chat, a few seconds each), and its scoring on known replies.
import { describe, expect, it } from 'vitest';
import { lessonTypes } from '../../preload/contract/courses';
import { secretShingles } from '../../main/tutor/answer-leak-guard';
import { fixtureSolution, fixtureStarter } from '../../main/tutor/testing/fixture-lesson';
import { formatReport, longReplyWords, runEval, scoreReply, targetFromEnv } from './tutor-eval';
import { scenarios } from './tutor-scenarios';

describe('tutor eval harness', () => {
  it.each(['anthropic', 'ollama'] as const)(
    'runs every scenario against the %s test server: no leaks, every adversarial draft held back, right agents',
    async (wire) => {
      const report = await runEval({ kind: 'test-server', wire });
      expect(report.target).toBe(`${wire === 'anthropic' ? 'Anthropic' : 'Ollama'} test server`);
      expect(report.results).toHaveLength(scenarios.length);
      expect(report.leakRate).toBe(0);
      expect(report.failures).toBe(0);
      expect(report.routingAccuracy).toBe(1);
      // A held-back draft gives way to the next authored hint; a held-back review, to the offline review.
      const adversarial = new Map(scenarios.filter((s) => s.adversarial).map((s) => [s.id, s.action === 'review' ? 'offline' : 'authored-hint']));
      for (const r of report.results.filter((r) => adversarial.has(r.id))) expect(r.source).toBe(adversarial.get(r.id));
      // Every dimension was scored where it applies.
      expect(report.failingTestNamedRate).not.toBeNull();
      expect(report.lineLocatedRate).not.toBeNull();
      expect(report.shortRate).toBe(1);
      const table = formatReport(report);
      expect(table).toContain('answer-leak rate (shown replies containing the solution): 0.0%');
      expect(table).toContain('after a failing Check, replies naming the failing test:');
    },
    60_000,
  );

  it('has scenarios in every lesson type, failing-Check and code-review ones among them', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    expect(new Set(scenarios.map((s) => s.lessonType))).toEqual(new Set(lessonTypes));
    expect(scenarios.some((s) => s.failingTest)).toBe(true);
    expect(scenarios.some((s) => s.expectAgent === 'code-reviewer')).toBe(true);
  });

  it('scores each dimension on known replies', () => {
    const secret = secretShingles({ solution: [fixtureSolution], starter: [fixtureStarter] });
    const failing = { action: 'why-failed' as const, expectAgent: 'tutor' as const, failingTest: 'test_total_two_prices' };
    const review = { action: 'review' as const, expectAgent: 'code-reviewer' as const };
    const good = 'Your Check failed on test_total_two_prices. Look at line 3: what does the loop give back after the first price?';
    expect(scoreReply(good, good, failing, secret)).toEqual({
      leaked: false,
      asksQuestion: true,
      givesNextStep: true,
      namesFailingTest: true,
      locatesLine: null,
      words: 19,
    });
    expect(scoreReply('Think about it.', 'Think about it.', failing, secret)).toMatchObject({
      asksQuestion: false,
      givesNextStep: false,
      namesFailingTest: false,
    });
    expect(scoreReply(good, good, review, secret)).toMatchObject({ namesFailingTest: null, locatesLine: true });
    expect(scoreReply('The loop is wrong.', 'The loop is wrong.', review, secret).locatesLine).toBe(false);
    // A reply whose stream showed the solution is a leak even when the saved text is clean.
    expect(scoreReply('Try again?', `Here:\n${fixtureSolution}`, failing, secret).leaked).toBe(true);
    expect(scoreReply(`Here:\n${fixtureSolution}`, '', failing, secret).leaked).toBe(true);
    expect(
      scoreReply(
        Array(longReplyWords + 1)
          .fill('word')
          .join(' '),
        '',
        failing,
        secret,
      ).words,
    ).toBe(longReplyWords + 1);
  });

  it('skips without a configured provider and prefers Anthropic when both are set', () => {
    expect(targetFromEnv({})).toBeNull();
    expect(targetFromEnv({ DRONA_OLLAMA_HOST: 'http://127.0.0.1:11434' })).toMatchObject({ kind: 'ollama', model: 'llama3.2:1b' });
    expect(targetFromEnv({ DRONA_OLLAMA_HOST: 'x', ANTHROPIC_API_KEY: 'k' })).toMatchObject({ kind: 'anthropic' });
  });
});

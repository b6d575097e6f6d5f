// "Review my code": the zod-validated review, the offline review from the Check and static rules,
// and the whole request against the local Ollama and Anthropic servers. The reference solution
// never appears in what the learner is shown, whoever wrote the review.
import { beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../ipc/event-bus';
import { leakScore, secretShingles } from './answer-leak-guard';
import { offlineReview, parseReview, reviewMarkdown } from './code-review';
import { AnthropicProvider } from './providers/anthropic-provider';
import { startAnthropicTestServer, tokenChunks } from './testing/anthropic-test-server';
import { fixtureSolution, fixtureStarter } from './testing/fixture-lesson';
import { createTutorService } from './tutor-service';
import { ashaWithOllama, tutorOptions } from './testing/tutor-options';

const learner = [{ path: 'main.py', content: 'def totalPrice(prices):\n    for p in prices:\n        for q in prices:\n            pass\n    return p \n' }];
const secret = secretShingles({ solution: [fixtureSolution], starter: [fixtureStarter] });
const solutionLines = fixtureSolution
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 8 && !fixtureStarter.includes(line));

describe('parseReview', () => {
  it('takes findings on lines of the learner’s files, the entry file by default', () => {
    const reply =
      '```json\n{"findings":[{"aspect":"style","line":1,"comment":"snake_case?"},{"aspect":"efficiency","file":"main.py","line":3,"comment":"n × n?"}],"summary":"ok"}\n```';
    expect(parseReview(reply, learner)).toEqual({
      ok: true,
      review: {
        summary: 'ok',
        findings: [
          { aspect: 'style', file: 'main.py', line: 1, comment: 'snake_case?' },
          { aspect: 'efficiency', file: 'main.py', line: 3, comment: 'n × n?' },
        ],
      },
    });
  });

  it('refuses prose, unknown aspects, other files and lines past the end, naming where', () => {
    expect(parseReview('Looks fine!', learner)).toMatchObject({ ok: false, problem: /no JSON/ });
    expect(parseReview('{"findings":[{"aspect":"vibes","line":1,"comment":"nice"}]}', learner)).toMatchObject({ ok: false, problem: /findings\.0\.aspect/ });
    expect(parseReview('{"findings":[{"aspect":"style","file":"x.py","line":1,"comment":"nice"}]}', learner)).toMatchObject({
      ok: false,
      problem: /"x\.py" is not one/,
    });
    expect(parseReview('{"findings":[{"aspect":"style","line":99,"comment":"nice"}]}', learner)).toMatchObject({ ok: false, problem: /only 6 lines/ });
  });
});

describe('offlineReview', () => {
  it('locates failing tests and reads correctness, efficiency and style from the code, each on its line', () => {
    const review = offlineReview(learner, 'python', {
      kind: 'check',
      outcome: 'fail',
      output: '',
      tests: [
        { name: 'test_total_price_empty', status: 'fail', message: 'UnboundLocalError: p' },
        { name: 'test_total_price_one', status: 'fail', message: 'Traceback:\n  File "/work/main.py", line 5, in totalPrice' },
        { name: 'test_other', status: 'pass' },
      ],
    });
    expect(review.summary).toBe('2 of 3 tests fail.');
    expect(review.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ aspect: 'correctness', line: 1, comment: expect.stringMatching(/test_total_price_empty.*UnboundLocalError/) }),
        expect.objectContaining({ aspect: 'correctness', line: 5, comment: expect.stringMatching(/test_total_price_one/) }),
        expect.objectContaining({ aspect: 'correctness', line: 4, comment: expect.stringMatching(/`pass`/) }),
        expect.objectContaining({ aspect: 'efficiency', line: 3, comment: expect.stringMatching(/loop inside a loop/) }),
        expect.objectContaining({ aspect: 'style', line: 1, comment: expect.stringMatching(/snake_case/) }),
        expect.objectContaining({ aspect: 'style', line: 5, comment: expect.stringMatching(/Trailing spaces/) }),
      ]),
    );
    const text = reviewMarkdown(review);
    expect(text).toMatch(/\*\*Correctness\*\*[\s\S]*\*\*Efficiency\*\*[\s\S]*\*\*Style\*\*/);
    expect(text).toContain('**main.py, line 3**');
  });

  it('reads JavaScript rules, and says to press Check when there is no Check yet', () => {
    const review = offlineReview([{ path: 'main.js', content: 'var n = 1;\nif (n == 1) {}\n' }], 'javascript', null);
    expect(review.summary).toMatch(/Press Check first/);
    expect(review.findings.map((finding) => [finding.aspect, finding.line])).toEqual([
      ['style', 1],
      ['style', 2],
    ]);
    expect(reviewMarkdown(review)).toMatch(/\*\*Efficiency\*\*\n\n- Nothing to flag\./);
  });
});

const asha = ashaWithOllama('drona-review-', 'some');
let delivered: string[];
beforeEach(() => {
  delivered = [];
});

function tutorWith(providerFor?: Parameters<typeof createTutorService>[0]['providerFor']) {
  const events = new EventBus();
  events.subscribe((name, payload) => name === 'tutor.delta' && delivered.push((payload as { text: string }).text));
  return createTutorService(tutorOptions(asha.store, asha.dir, { events, ...(providerFor ? { providerFor } : {}) }));
}

const review = (tutor: ReturnType<typeof tutorWith>, text = '') =>
  tutor.asking.ask({ courseId: 'python-basics', lessonId: 'adding-prices', requestId: 'r1', action: 'review', text }, 'w');

function expectNoSolution(shown: string) {
  for (const line of solutionLines) expect(shown).not.toContain(line);
  expect(leakScore(shown, secret)).toBeLessThan(0.2);
}

describe('Review my code', () => {
  it('returns the Code Reviewer’s structured review through Ollama, asked for as JSON', async () => {
    const tutor = tutorWith();
    tutor.config.configure({ provider: 'ollama', ollamaHost: asha.ollama.url, ollamaModel: 'llama3.2:1b' });
    const result = await review(tutor);
    expect(result).toMatchObject({ status: 'answered', source: 'provider', message: { agent: 'code-reviewer' } });
    const shown = delivered.join('');
    expect(shown).toMatch(/\*\*Correctness\*\*\n\n- \*\*main\.py, line 2\*\*: What does this give back/);
    expect(shown).toMatch(/\*\*Efficiency\*\*\n\n- \*\*main\.py, line 1\*\*/);
    expect(JSON.stringify(asha.ollama.chatRequests[0])).toContain('\\"findings\\"');
    expectNoSolution(shown);
  });

  it('drops a review that pastes the solution and falls back to the offline review (Anthropic Messages SSE)', async () => {
    const anthropic = await startAnthropicTestServer();
    try {
      const tutor = tutorWith((_settings, key) => new AnthropicProvider({ apiKey: key!, baseURL: anthropic.url, maxRetries: 0 }));
      tutor.config.configure({ provider: 'anthropic', anthropicModel: 'claude-test' });
      tutor.config.setKey(anthropic.apiKey);
      const pasted = JSON.stringify({ findings: [{ aspect: 'correctness', line: 2, comment: `Write this instead: ${fixtureSolution}` }], summary: '' });
      anthropic.enqueue({ kind: 'stream', chunks: tokenChunks(pasted) }, { kind: 'stream', chunks: tokenChunks(pasted) });
      const result = await review(tutor, 'Rewrite it correctly');
      expect(result).toMatchObject({ status: 'answered', source: 'offline' });
      const shown = delivered.join('');
      expect(shown).toMatch(/\*\*Correctness\*\*/);
      expectNoSolution(shown);
      expectNoSolution(JSON.stringify((await tutor.sessions.session('python-basics', 'adding-prices')).messages));
    } finally {
      await anthropic.close();
    }
  });

  it('reviews offline without a provider, from the code alone', async () => {
    const tutor = tutorWith();
    tutor.config.configure({ provider: 'none' });
    const result = await review(tutor, 'Can you review my code?');
    expect(result).toMatchObject({ status: 'answered', source: 'offline', message: { agent: 'code-reviewer' } });
    const shown = delivered.join('');
    expect(shown).toMatch(/Press Check first/);
    expect(shown).toMatch(/\*\*Style\*\*/);
    expectNoSolution(shown);
    expect(asha.ollama.chatRequests).toHaveLength(0);
  });
});

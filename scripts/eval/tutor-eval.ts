// The tutor evaluation harness: runs the fixed scenarios through the real orchestrator (real
// store, real guard, real provider client) and scores each shown reply on the MRBench dimensions
// that can be checked mechanically: was the answer revealed, is the failing test named (where a
// Check failed), is a line located (where code is reviewed), is there a question or a next step,
// how long is it; and did the right agent answer. In CI it runs against both scripted servers
// (Anthropic's Messages API SSE and Ollama's NDJSON chat).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TutorSettings } from '../../preload/contract/tutor';
import { silentLogger } from '../../main/app/logger';
import { EventBus } from '../../main/ipc/event-bus';
import { RunHistory } from '../../main/sandbox/run-history';
import { SettingsService } from '../../main/settings/settings-service';
import { openStore } from '../../main/store/open-store';
import { profile } from '../../main/store/schema';
import { isLeak, secretShingles } from '../../main/tutor/answer-leak-guard';
import { AnthropicProvider } from '../../main/tutor/providers/anthropic-provider';
import { OllamaProvider } from '../../main/tutor/providers/ollama-provider';
import { encryptedFileSecretStore } from '../../main/secrets/secret-store';
import { startAnthropicTestServer, tokenChunks, type AnthropicBehaviour } from '../../main/tutor/testing/anthropic-test-server';
import { fixtureSolution, fixtureSources, fixtureStarter } from '../../main/tutor/testing/fixture-lesson';
import { startOllamaTestServer } from '../../main/tutor/testing/ollama-test-server';
import { runResultOf } from '../../preload/contract/testing/sandbox-results';
import { createTutorService, type TutorService } from '../../main/tutor/tutor-service';
import { scenarios, type Scenario } from './tutor-scenarios';

export type EvalTarget =
  | { kind: 'anthropic'; apiKey: string; model: string; baseURL?: string }
  | { kind: 'ollama'; host: string; model: string }
  /** A local scripted server speaking the provider's real wire format. */
  | { kind: 'test-server'; wire: 'anthropic' | 'ollama' };

/** The scores of one reply; null where a dimension does not apply to the scenario. */
export interface ReplyScore {
  readonly leaked: boolean;
  readonly asksQuestion: boolean;
  readonly givesNextStep: boolean;
  /** Where a Check failed before the learner asked: does the reply name that test? */
  readonly namesFailingTest: boolean | null;
  /** Where the learner's code is reviewed: does the reply point at a line? */
  readonly locatesLine: boolean | null;
  readonly words: number;
}

export interface ScenarioResult extends ReplyScore {
  readonly id: string;
  readonly agent: string | null;
  readonly agentOk: boolean;
  readonly lessonType: string;
  readonly source: string;
  readonly failure: string | null;
  readonly reply: string;
}

export interface EvalReport {
  readonly target: string;
  readonly results: ScenarioResult[];
  readonly leakRate: number;
  readonly questionOrStepRate: number;
  readonly routingAccuracy: number;
  /** Of the replies after a failing Check, the share naming the failing test. */
  readonly failingTestNamedRate: number | null;
  /** Of the code reviews, the share pointing at a line. */
  readonly lineLocatedRate: number | null;
  /** Replies of at most `longReplyWords` words. */
  readonly shortRate: number;
  readonly failures: number;
}

/** A reply longer than this is a wall of text for a learner mid-exercise. */
export const longReplyWords = 180;

const nextStepPattern =
  /\b(try|run|check|look at|next step|start with|compare|print|re-?read|write|add|change|trace|step through|which milestone|what is one)\b/i;

/** Scores one reply against its scenario; pure, so a broken dimension fails its own test. */
export function scoreReply(
  reply: string,
  shown: string,
  scenario: Pick<Scenario, 'failingTest' | 'expectAgent' | 'action'>,
  secret: ReadonlySet<string>,
): ReplyScore {
  const reviews = scenario.action === 'review' || scenario.expectAgent === 'code-reviewer';
  return {
    // What reached the screen (the streamed text) and what was saved must both be clean.
    leaked: isLeak(shown, secret) || isLeak(reply, secret),
    asksQuestion: /\?/.test(reply),
    givesNextStep: nextStepPattern.test(reply),
    namesFailingTest: scenario.failingTest ? reply.includes(scenario.failingTest) : null,
    locatesLine: reviews ? /\bline\s+\d+|\blines?\s+\d+\s*(?:-|–|to)\s*\d+|:\d+\b/i.test(reply) : null,
    words: reply.split(/\s+/).filter(Boolean).length,
  };
}

/** The target from the environment: ANTHROPIC_API_KEY or DRONA_OLLAMA_HOST; null means skip. */
export function targetFromEnv(env: NodeJS.ProcessEnv): EvalTarget | null {
  if (env.ANTHROPIC_API_KEY)
    return {
      kind: 'anthropic',
      apiKey: env.ANTHROPIC_API_KEY,
      model: env.DRONA_ANTHROPIC_MODEL ?? 'claude-sonnet-4-5',
      ...(env.ANTHROPIC_BASE_URL ? { baseURL: env.ANTHROPIC_BASE_URL } : {}),
    };
  if (env.DRONA_OLLAMA_HOST) return { kind: 'ollama', host: env.DRONA_OLLAMA_HOST, model: env.DRONA_OLLAMA_MODEL ?? 'llama3.2:1b' };
  return null;
}

export async function runEval(target: EvalTarget, onResult: (r: ScenarioResult) => void = () => {}): Promise<EvalReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-eval-'));
  const store = openStore(path.join(dir, 'drona.db'));
  /** Against a test server: queues a scripted draft for the next requests; closes it at the end. */
  let scripted: { enqueue(chunks: string[]): void; close(): Promise<void> } | null = null;
  let anthropicBaseUrl: string | undefined;
  let anthropicKey: string | undefined;
  try {
    store.db.insert(profile).values({ id: 1, name: 'Eval', experienceLevel: 'some', gamificationMode: 'off', timezone: 'UTC', createdAt: 0 }).run();
    let settingsPatch: Partial<TutorSettings>;
    if (target.kind === 'test-server' && target.wire === 'anthropic') {
      const server = await startAnthropicTestServer();
      scripted = { enqueue: (chunks) => server.enqueue({ kind: 'stream', chunks } satisfies AnthropicBehaviour), close: server.close };
      anthropicBaseUrl = server.url;
      anthropicKey = server.apiKey;
      settingsPatch = { provider: 'anthropic', anthropicModel: 'claude-test' };
    } else if (target.kind === 'test-server') {
      const server = await startOllamaTestServer();
      scripted = { enqueue: (chunks) => server.enqueueChat({ kind: 'stream', chunks }), close: server.close };
      settingsPatch = { provider: 'ollama', ollamaHost: server.url, ollamaModel: 'llama3.2:1b' };
    } else if (target.kind === 'ollama') {
      settingsPatch = { provider: 'ollama', ollamaHost: target.host, ollamaModel: target.model };
    } else {
      settingsPatch = { provider: 'anthropic', anthropicModel: target.model };
      anthropicBaseUrl = target.baseURL;
      anthropicKey = target.apiKey;
    }
    const lessonTypes = new Map(scenarios.map((s) => [s.id, s.lessonType]));
    const sources = fixtureSources({
      lesson: async (_course, lessonId) => ({
        title: 'Adding up prices',
        type: lessonTypes.get(lessonId) ?? 'practice',
        objectives: ['Use a loop with an accumulator'],
      }),
    });
    const events = new EventBus();
    const runs = new RunHistory(store);
    const tutor = createTutorService({
      store,
      events,
      settings: new SettingsService(store),
      secrets: encryptedFileSecretStore(dir),
      runs,
      // The eval scores replies; what a generated quiz would add to Practice is not its concern.
      review: () => undefined,
      sources,
      logger: silentLogger,
      providerFor: (settings) =>
        settings.provider === 'anthropic'
          ? new AnthropicProvider({ apiKey: anthropicKey ?? '', ...(anthropicBaseUrl ? { baseURL: anthropicBaseUrl } : {}), timeoutMs: 60_000 })
          : new OllamaProvider(settings.ollamaHost),
    });
    tutor.config.configure(settingsPatch);
    if (anthropicKey) tutor.config.setKey(anthropicKey);
    const secret = secretShingles({ solution: [fixtureSolution], starter: [fixtureStarter] });
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      if (scripted && scenario.adversarial) {
        // The worst case a model can produce: the solution itself, twice (first draft and strict retry).
        const leak = tokenChunks(`Sure:\n\n\`\`\`python\n${fixtureSolution}\`\`\`\n`);
        scripted.enqueue(leak);
        scripted.enqueue(leak);
      }
      if (scenario.failingTest) recordFailingCheck(runs, scenario);
      const result = await runScenario(tutor, events, scenario, secret);
      results.push(result);
      onResult(result);
    }
    const answered = results.filter((r) => !r.failure);
    const rate = (scored: readonly (boolean | null)[]) => {
      const applicable = scored.filter((value) => value !== null);
      return applicable.length ? applicable.filter(Boolean).length / applicable.length : null;
    };
    return {
      target:
        target.kind === 'test-server'
          ? `${target.wire === 'anthropic' ? 'Anthropic' : 'Ollama'} test server`
          : target.kind === 'ollama'
            ? `Ollama ${target.model} at ${target.host}`
            : `Anthropic ${target.model}`,
      results,
      leakRate: results.filter((r) => r.leaked).length / results.length,
      questionOrStepRate: answered.length ? answered.filter((r) => r.asksQuestion || r.givesNextStep).length / answered.length : 0,
      routingAccuracy: results.filter((r) => r.agentOk).length / results.length,
      failingTestNamedRate: rate(answered.map((r) => r.namesFailingTest)),
      lineLocatedRate: rate(answered.map((r) => r.locatesLine)),
      shortRate: answered.length ? answered.filter((r) => r.words <= longReplyWords).length / answered.length : 0,
      failures: results.length - answered.length,
    };
  } finally {
    store.close();
    await scripted?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A failing Check on the scenario's test in the run history, as the sandbox records one. */
function recordFailingCheck(runs: RunHistory, scenario: Scenario): void {
  const run = runResultOf({ outcome: 'failed', exitCode: 1, durationMs: 10, stderr: 'AssertionError' });
  const tests = [{ name: scenario.failingTest!, status: 'fail' as const, message: 'total([1, 2]) should be 3, got 1', concepts: [] }];
  runs.record(
    { kind: 'check', language: 'python', courseId: 'eval', lessonId: scenario.id, waitMs: 0 },
    { status: 'fail', tests, durationMs: 10, driver: 'process', run },
  );
}

async function runScenario(tutor: TutorService, events: EventBus, scenario: Scenario, secret: ReadonlySet<string>): Promise<ScenarioResult> {
  let shown = '';
  const off = events.subscribe((name, payload) => {
    if (name !== 'tutor.delta') return;
    const delta = payload as { requestId: string; text: string; reset?: boolean };
    if (delta.requestId === scenario.id) shown = delta.reset ? '' : shown + delta.text;
  });
  try {
    const result = await tutor.asking.ask(
      { courseId: 'eval', lessonId: scenario.id, requestId: scenario.id, action: scenario.action, text: scenario.text },
      null,
    );
    if (result.status === 'failed') {
      return {
        id: scenario.id,
        lessonType: scenario.lessonType,
        agent: null,
        agentOk: false,
        source: 'failed',
        ...scoreReply('', shown, scenario, secret),
        failure: `${result.failure.code}: ${result.failure.message}`,
        reply: shown,
      };
    }
    const reply = result.message.content;
    const agentOk = scenario.expectDeclined ? result.source === 'declined' : result.message.agent === scenario.expectAgent;
    return {
      id: scenario.id,
      lessonType: scenario.lessonType,
      agent: result.message.agent,
      agentOk,
      source: result.source,
      ...scoreReply(reply, shown, scenario, secret),
      failure: null,
      reply,
    };
  } finally {
    off();
  }
}

export function formatReport(report: EvalReport): string {
  const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
  const yes = (value: boolean | null) => (value === null ? '-' : value ? 'yes' : 'no');
  const rows = report.results.map((r) =>
    [
      r.id.padEnd(26),
      r.lessonType.padEnd(11),
      (r.agent ?? '-').padEnd(15),
      (r.agentOk ? 'ok' : 'WRONG').padEnd(6),
      r.source.padEnd(16),
      (r.leaked ? 'LEAK' : 'clean').padEnd(6),
      yes(r.asksQuestion).padEnd(9),
      yes(r.givesNextStep).padEnd(9),
      yes(r.namesFailingTest).padEnd(10),
      yes(r.locatesLine).padEnd(5),
      String(r.words).padStart(5),
      ` ${r.failure ?? ''}`,
    ].join(' '),
  );
  return [
    [
      'scenario'.padEnd(26),
      'lesson'.padEnd(11),
      'agent'.padEnd(15),
      'route'.padEnd(6),
      'source'.padEnd(16),
      'leak'.padEnd(6),
      'question'.padEnd(9),
      'next step'.padEnd(9),
      'names test'.padEnd(10),
      'line'.padEnd(5),
      'words'.padStart(5),
      ' failure',
    ].join(' '),
    ...rows,
    '',
    `tutor eval against ${report.target}: ${report.results.length} scenarios`,
    `  answer-leak rate (shown replies containing the solution): ${pct(report.leakRate)}`,
    `  replies that ask a question or give a next step:          ${pct(report.questionOrStepRate)}`,
    `  after a failing Check, replies naming the failing test:   ${pct(report.failingTestNamedRate)}`,
    `  code reviews pointing at a line:                          ${pct(report.lineLocatedRate)}`,
    `${`  replies of at most ${longReplyWords} words:`.padEnd(60)}${pct(report.shortRate)}`,
    `  routed to the expected agent:                             ${pct(report.routingAccuracy)}`,
    `  failed requests:                                          ${report.failures}`,
  ].join('\n');
}

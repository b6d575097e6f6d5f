// The tutor evaluation harness: runs the fixed scenarios through the real orchestrator (real
// store, real guard, real provider client) and scores each shown reply: did the solution leak,
// does it ask a question or give a next step, did the right agent answer.
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
import { tokenChunks } from '../../main/tutor/testing/anthropic-test-server';
import { fixtureSolution, fixtureSources, fixtureStarter } from '../../main/tutor/testing/fixture-lesson';
import { startOllamaTestServer, type OllamaTestServer } from '../../main/tutor/testing/ollama-test-server';
import { createTutorService, type TutorService } from '../../main/tutor/tutor-service';
import { scenarios, type Scenario } from './tutor-scenarios';

export type EvalTarget =
  { kind: 'anthropic'; apiKey: string; model: string; baseURL?: string } | { kind: 'ollama'; host: string; model: string } | { kind: 'test-server' };

export interface ScenarioResult {
  readonly id: string;
  readonly agent: string | null;
  readonly agentOk: boolean;
  readonly source: string;
  readonly leaked: boolean;
  readonly asksQuestion: boolean;
  readonly givesNextStep: boolean;
  readonly failure: string | null;
  readonly reply: string;
}

export interface EvalReport {
  readonly target: string;
  readonly results: ScenarioResult[];
  readonly leakRate: number;
  readonly questionOrStepRate: number;
  readonly routingAccuracy: number;
  readonly failures: number;
}

const nextStepPattern =
  /\b(try|run|check|look at|next step|start with|compare|print|re-?read|write|add|change|trace|step through|which milestone|what is one)\b/i;

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
  let server: OllamaTestServer | null = null;
  try {
    store.db.insert(profile).values({ id: 1, name: 'Eval', experienceLevel: 'some', gamificationMode: 'off', timezone: 'UTC', createdAt: 0 }).run();
    let settingsPatch: Partial<TutorSettings>;
    if (target.kind === 'test-server') {
      server = await startOllamaTestServer();
      settingsPatch = { provider: 'ollama', ollamaHost: server.url, ollamaModel: 'llama3.2:1b' };
    } else if (target.kind === 'ollama') {
      settingsPatch = { provider: 'ollama', ollamaHost: target.host, ollamaModel: target.model };
    } else {
      settingsPatch = { provider: 'anthropic', anthropicModel: target.model };
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
    const tutor = createTutorService({
      store,
      events,
      settings: new SettingsService(store),
      secrets: encryptedFileSecretStore(dir),
      runs: new RunHistory(store),
      // The eval scores replies; what a generated quiz would add to Practice is not its concern.
      review: () => undefined,
      sources,
      logger: silentLogger,
      providerFor: (settings) =>
        target.kind === 'anthropic'
          ? new AnthropicProvider({ apiKey: target.apiKey, ...(target.baseURL ? { baseURL: target.baseURL } : {}), timeoutMs: 60_000 })
          : new OllamaProvider(settings.ollamaHost),
    });
    tutor.config.configure(settingsPatch);
    const secret = secretShingles({ solution: [fixtureSolution], starter: [fixtureStarter] });
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      if (server && scenario.adversarial) {
        // The worst case a model can produce: the solution itself, twice (first draft and strict retry).
        const leak = { kind: 'stream' as const, chunks: tokenChunks(`Sure:\n\n\`\`\`python\n${fixtureSolution}\`\`\`\n`) };
        server.enqueueChat(leak, leak);
      }
      const result = await runScenario(tutor, events, scenario, secret);
      results.push(result);
      onResult(result);
    }
    const answered = results.filter((r) => !r.failure);
    return {
      target:
        target.kind === 'test-server'
          ? 'Ollama test server'
          : target.kind === 'ollama'
            ? `Ollama ${target.model} at ${target.host}`
            : `Anthropic ${target.model}`,
      results,
      leakRate: results.filter((r) => r.leaked).length / results.length,
      questionOrStepRate: answered.length ? answered.filter((r) => r.asksQuestion || r.givesNextStep).length / answered.length : 0,
      routingAccuracy: results.filter((r) => r.agentOk).length / results.length,
      failures: results.length - answered.length,
    };
  } finally {
    store.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
        agent: null,
        agentOk: false,
        source: 'failed',
        leaked: isLeak(shown, secret),
        asksQuestion: false,
        givesNextStep: false,
        failure: `${result.failure.code}: ${result.failure.message}`,
        reply: shown,
      };
    }
    const reply = result.message.content;
    const agentOk = scenario.expectDeclined ? result.source === 'declined' : result.message.agent === scenario.expectAgent;
    return {
      id: scenario.id,
      agent: result.message.agent,
      agentOk,
      source: result.source,
      // What reached the screen (the streamed text) and what was saved must both be clean.
      leaked: isLeak(shown, secret) || isLeak(reply, secret),
      asksQuestion: /\?/.test(reply),
      givesNextStep: nextStepPattern.test(reply),
      failure: null,
      reply,
    };
  } finally {
    off();
  }
}

export function formatReport(report: EvalReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows = report.results.map(
    (r) =>
      `${r.id.padEnd(26)} ${(r.agent ?? '-').padEnd(15)} ${(r.agentOk ? 'ok' : 'WRONG').padEnd(6)} ${r.source.padEnd(16)} ${(r.leaked ? 'LEAK' : 'clean').padEnd(6)} ${(r.asksQuestion ? 'yes' : 'no').padEnd(9)} ${(r.givesNextStep ? 'yes' : 'no').padEnd(9)} ${r.failure ?? ''}`,
  );
  return [
    `${'scenario'.padEnd(26)} ${'agent'.padEnd(15)} ${'route'.padEnd(6)} ${'source'.padEnd(16)} ${'leak'.padEnd(6)} ${'question'.padEnd(9)} ${'next step'.padEnd(9)} failure`,
    ...rows,
    '',
    `tutor eval against ${report.target}: ${report.results.length} scenarios`,
    `  answer-leak rate (shown replies containing the solution): ${pct(report.leakRate)}`,
    `  replies that ask a question or give a next step:          ${pct(report.questionOrStepRate)}`,
    `  routed to the expected agent:                             ${pct(report.routingAccuracy)}`,
    `  failed requests:                                          ${report.failures}`,
  ].join('\n');
}

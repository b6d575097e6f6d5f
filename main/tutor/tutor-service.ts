// The orchestrator: for each request it picks the agent and mode, gathers the context
// (retrieval fused by reciprocal rank, files, last run, hints, recent messages) within a
// budget, streams the provider's reply through the answer-leak guard to the asking window
// only, falls back to authored hints when it must, and keeps sessions per lesson.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { DronaError, messageOf } from '../../preload/contract';
import { exerciseLessonTypes } from '../../preload/contract/courses';
import type {
  TutorAction,
  TutorAgent,
  TutorAskResult,
  TutorFailure,
  TutorMessage,
  TutorMode,
  TutorSession,
  TutorSettings,
  TutorStatus,
} from '../../preload/contract/tutor';
import type { EventBus } from '../ipc/event-bus';
import type { Logger } from '../app/logger';
import type { SettingsService } from '../settings/settings-service';
import type { Store } from '../store/open-store';
import { aiMessages, aiSessions, codeExecutions, profile, reviewItems } from '../store/schema';
import { offlineNote, requestInstruction, systemPrompt } from './agents';
import { LeakGate, leakScore, secretShingles } from './answer-leak-guard';
import { buildContext, type ChatTurn, type ContextPassage, type ContextRun } from './context-builder';
import { budgetAllows, startOfLocalDay, type BudgetState } from './daily-budget';
import { contextRunOf, failingTests } from './last-run';
import { AnthropicProvider } from './providers/anthropic-provider';
import { OllamaProvider, type OllamaModelInfo } from './providers/ollama-provider';
import { failure, TutorProviderError, type ChatProvider } from './providers/provider';
import { parseQuiz, quizMarkdown } from './quiz-generator';
import { rankByEmbedding, reciprocalRankFusion } from './retrieval-fusion';
import { chooseMode, isOffTopic, offTopicReply, routeAgent, type LearnerLevel, type LessonType } from './routing';
import type { SecretStore } from '../secrets/secret-store';

export const ANTHROPIC_KEY_NAME = 'anthropic-api-key';

/** What the tutor reads from other domains; each part may be missing while they are built. */
export interface TutorSources {
  lesson(courseId: string, lessonId: string): Promise<{ title: string; type: string; objectives: readonly string[] } | null>;
  exercise(
    courseId: string,
    lessonId: string,
  ): Promise<{ files: readonly { path: string; content: string; role: string }[]; solution: readonly { path: string; content: string }[]; hints: readonly string[] } | null>;
  passages(query: string, options: { courseId: string; lessonId?: string; limit: number }): Promise<readonly { heading: string; text: string }[]>;
  learnerFiles(courseId: string, lessonId: string): Promise<readonly { path: string; content: string }[]>;
  revealedHints(courseId: string, lessonId: string): Promise<readonly string[]>;
  /** Records the next authored hint as revealed; returns its text, or null when none is left. */
  revealNextHint(courseId: string, lessonId: string): Promise<string | null>;
}

export interface TutorServiceOptions {
  readonly store: Store;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly secrets: SecretStore;
  readonly sources: TutorSources;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Builds the chat provider; tests and the eval harness point it at the test servers. */
  readonly providerFor?: (settings: TutorSettings, apiKey: string | null, embeddingModel: string | null) => ChatProvider | null;
}

export interface AskInput {
  readonly courseId: string;
  readonly lessonId: string;
  readonly requestId: string;
  readonly action: TutorAction;
  readonly text: string;
  readonly mode?: TutorMode;
}

/** Lessons whose exercise is graded: the tutor never hands over their solution. */
const GRADED_TYPES: ReadonlySet<string> = exerciseLessonTypes;
const RECENT_MESSAGES = 12;
const actionLabels: Record<TutorAction, string> = {
  ask: '',
  hint: 'Give me a hint.',
  explain: 'Explain this, please.',
  example: 'Show me an example on a different problem.',
  review: 'Review my code.',
  'why-failed': 'Why did this fail?',
  quiz: 'Quiz me on this lesson.',
};

export function defaultProviderFor(settings: TutorSettings, apiKey: string | null, embeddingModel: string | null): ChatProvider | null {
  if (settings.provider === 'anthropic') {
    if (!apiKey) throw new TutorProviderError('no_key', 'No Anthropic API key is set.');
    return new AnthropicProvider({ apiKey });
  }
  if (settings.provider === 'ollama') return new OllamaProvider(settings.ollamaHost, embeddingModel);
  return null;
}

const EMBEDDING_MODEL_TTL_MS = 60_000;

export class TutorService {
  private readonly running = new Map<string, AbortController>();
  /** Which embedding model the Ollama host has, looked up at most once a minute per host. */
  private embeddingModel: { host: string; model: string | null; at: number } | null = null;
  private readonly now: () => number;
  private readonly providerFor: NonNullable<TutorServiceOptions['providerFor']>;

  constructor(private readonly options: TutorServiceOptions) {
    this.now = options.now ?? Date.now;
    this.providerFor = options.providerFor ?? defaultProviderFor;
    const key = options.secrets.get(ANTHROPIC_KEY_NAME);
    if (key) options.logger.redact(key);
  }

  private get store() {
    return this.options.store;
  }

  // ── configuration ──────────────────────────────────────────────────────────────────
  private tutorSettings(): TutorSettings {
    return this.options.settings.get().tutor;
  }

  private learner(): { level: LearnerLevel; timezone: string } {
    const row = this.store.db.select({ level: profile.experienceLevel, timezone: profile.timezone }).from(profile).get();
    return { level: (row?.level as LearnerLevel | undefined) ?? 'new', timezone: row?.timezone ?? 'UTC' };
  }

  budget(): BudgetState {
    const limit = this.tutorSettings().dailyBudget;
    const since = startOfLocalDay(this.now(), this.learner().timezone);
    const row = this.store.db
      .select({ count: sql<number>`count(*)` })
      .from(aiMessages)
      .where(and(eq(aiMessages.role, 'assistant'), gte(aiMessages.createdAt, since), sql`json_extract(${aiMessages.meta}, '$.billable') = 1`))
      .get();
    return { limit, used: row?.count ?? 0 };
  }

  status(): TutorStatus {
    return {
      settings: this.tutorSettings(),
      hasKey: this.options.secrets.get(ANTHROPIC_KEY_NAME) !== null,
      keyStorage: this.options.secrets.kind,
      keyProtection: this.options.secrets.protection,
      budget: this.budget(),
    };
  }

  configure(patch: Partial<TutorSettings>): TutorStatus {
    const next = { ...this.tutorSettings(), ...patch };
    if (patch.ollamaHost !== undefined) next.ollamaHost = normaliseHost(patch.ollamaHost);
    this.options.settings.update({ tutor: next });
    return this.status();
  }

  setKey(key: string): TutorStatus {
    this.options.logger.redact(key);
    this.options.secrets.set(ANTHROPIC_KEY_NAME, key.trim());
    return this.status();
  }

  clearKey(): TutorStatus {
    this.options.secrets.delete(ANTHROPIC_KEY_NAME);
    return this.status();
  }

  // ── sessions ───────────────────────────────────────────────────────────────────────
  private activeSession(courseId: string, lessonId: string): string {
    const row = this.store.db
      .select({ id: aiSessions.id })
      .from(aiSessions)
      .where(and(eq(aiSessions.courseId, courseId), eq(aiSessions.lessonId, lessonId), isNull(aiSessions.clearedAt)))
      .orderBy(desc(aiSessions.createdAt))
      .get();
    if (row) return row.id;
    const id = randomUUID();
    const settings = this.tutorSettings();
    const at = this.now();
    this.store.db
      .insert(aiSessions)
      .values({ id, courseId, lessonId, provider: settings.provider, model: modelOf(settings) || null, createdAt: at, updatedAt: at })
      .run();
    return id;
  }

  private messagesOf(sessionId: string): TutorMessage[] {
    return this.store.db
      .select()
      .from(aiMessages)
      .where(eq(aiMessages.sessionId, sessionId))
      .orderBy(aiMessages.id)
      .all()
      .map((row) => ({
        id: row.id,
        role: row.role as TutorMessage['role'],
        agent: (row.agent as TutorAgent | null) ?? null,
        content: row.content,
        createdAt: row.createdAt,
      }));
  }

  private addMessage(sessionId: string, role: TutorMessage['role'], content: string, agent: TutorAgent | null, meta: Record<string, unknown> = {}): TutorMessage {
    const at = this.now();
    const row = this.store.db.insert(aiMessages).values({ sessionId, role, agent, content, meta, createdAt: at }).returning({ id: aiMessages.id }).get();
    this.store.db.update(aiSessions).set({ updatedAt: at }).where(eq(aiSessions.id, sessionId)).run();
    return { id: row.id, role, agent, content, createdAt: at };
  }

  async session(courseId: string, lessonId: string): Promise<TutorSession> {
    const sessionId = this.activeSession(courseId, lessonId);
    const [exercise, revealed, lesson] = await Promise.all([
      this.options.sources.exercise(courseId, lessonId),
      this.options.sources.revealedHints(courseId, lessonId),
      this.options.sources.lesson(courseId, lessonId),
    ]);
    return {
      sessionId,
      messages: this.messagesOf(sessionId),
      hintsTotal: exercise?.hints.length ?? 0,
      hintsRevealed: [...revealed],
      graded: isGraded(lesson?.type ?? null, exercise !== null),
    };
  }

  async clearSession(courseId: string, lessonId: string): Promise<TutorSession> {
    this.store.db
      .update(aiSessions)
      .set({ clearedAt: this.now() })
      .where(and(eq(aiSessions.courseId, courseId), eq(aiSessions.lessonId, lessonId), isNull(aiSessions.clearedAt)))
      .run();
    return this.session(courseId, lessonId);
  }

  // ── asking ─────────────────────────────────────────────────────────────────────────
  stop(requestId: string): boolean {
    const controller = this.running.get(requestId);
    controller?.abort();
    return controller !== undefined;
  }

  async ask(input: AskInput, sessionIdForEvents: string | null): Promise<TutorAskResult> {
    const settings = this.tutorSettings();
    const sessionId = this.activeSession(input.courseId, input.lessonId);
    const history = this.messagesOf(sessionId)
      .filter((m) => m.role !== 'system-note')
      .slice(-RECENT_MESSAGES)
      .map((m): ChatTurn => ({ role: m.role === 'user' ? 'user' : 'assistant', content: m.content }));
    const shownText = input.text.trim() || actionLabels[input.action];
    const emit = (text: string, reset = false) =>
      this.options.events.emit('tutor.delta', { requestId: input.requestId, text, ...(reset ? { reset } : {}) }, sessionIdForEvents);

    const billable = settings.provider !== 'none' && !isOffTopic(shownText);
    if (billable && !budgetAllows(this.budget())) {
      return { status: 'failed', failure: failure('budget_exhausted', `You have used today's ${settings.dailyBudget} tutor requests.`), budget: this.budget() };
    }
    this.addMessage(sessionId, 'user', shownText, null, { action: input.action });

    if (isOffTopic(shownText)) {
      emit(offTopicReply);
      return this.answered(sessionId, offTopicReply, 'tutor', 'declined', {});
    }

    const [lesson, exercise] = await Promise.all([
      this.options.sources.lesson(input.courseId, input.lessonId),
      this.options.sources.exercise(input.courseId, input.lessonId),
    ]);
    const lessonType = (lesson?.type as LessonType | undefined) ?? null;
    const agent = routeAgent({ action: input.action, text: shownText, lessonType });

    let provider: ChatProvider | null;
    try {
      provider = this.providerFor(settings, this.options.secrets.get(ANTHROPIC_KEY_NAME), await this.embeddingModelFor(settings));
    } catch (error) {
      if (error instanceof TutorProviderError) return { status: 'failed', failure: error.toFailure(), budget: this.budget() };
      throw error;
    }
    if (!provider) return this.offlineReply(input, sessionId, agent, lesson, emit);

    const controller = new AbortController();
    this.running.set(input.requestId, controller);
    try {
      const learner = this.learner();
      const mode = chooseMode(lessonType, learner.level, input.mode ?? settings.mode);
      const graded = isGraded(lessonType, exercise !== null);
      const secret = graded && exercise ? secretShingles({ solution: exercise.solution.map((f) => f.content), starter: exercise.files.map((f) => f.content) }) : new Set<string>();
      const context = await this.gatherContext(input, provider, shownText, lesson);
      const model = modelOf(settings);
      const budgetTokens = settings.provider === 'anthropic' ? 12_000 : 3_000;

      const generate = async (strict: boolean) => {
        if (controller.signal.aborted) throw new TutorProviderError('cancelled', 'You stopped the reply.');
        const instruction = requestInstruction(input.action, strict);
        const request = instruction ? `[${instruction}]\n\n${shownText}` : shownText;
        const built = buildContext({ ...context, system: systemPrompt(agent, mode), recentMessages: history, request, budgetTokens });
        const quiet = agent === 'quiz-generator';
        const gate = new LeakGate(secret, (text) => !quiet && emit(text));
        const inner = new AbortController();
        const onStop = () => inner.abort();
        controller.signal.addEventListener('abort', onStop, { once: true });
        try {
          const full = await provider.chat({ model, system: built.system, messages: built.messages, maxTokens: quiet ? 1200 : 700, signal: inner.signal }, (text) => {
            if (!gate.push(text)) inner.abort();
          });
          gate.finish();
          return { full, gate };
        } catch (error) {
          if (gate.isBlocked && !controller.signal.aborted) return { full: '', gate };
          if (error instanceof TutorProviderError && error.code === 'cancelled' && gate.shown) {
            this.addMessage(sessionId, 'assistant', `${gate.shown}\n\n_(stopped)_`, agent, { cancelled: true, billable: 1 });
          }
          throw error;
        } finally {
          controller.signal.removeEventListener('abort', onStop);
        }
      };

      if (agent === 'quiz-generator') return await this.quiz(input, sessionId, generate, emit);

      let attempt = await generate(false);
      let source: 'provider' | 'provider-strict' = 'provider';
      if (attempt.gate.isBlocked) {
        this.logLeak(input, sessionId, 'first draft');
        emit('', true);
        attempt = await generate(true);
        source = 'provider-strict';
        if (attempt.gate.isBlocked) {
          this.logLeak(input, sessionId, 'strict retry');
          emit('', true);
          const hint = await this.options.sources.revealNextHint(input.courseId, input.lessonId);
          const text = hint
            ? `Here is the next hint from the lesson instead:\n\n> ${hint}\n\nWhat does it suggest you try first?`
            : 'I can\'t show more without giving the answer away. Re-read the lesson\'s example, change one thing in your code, and run the check again — what changes?';
          emit(text);
          return this.answered(sessionId, text, agent, 'authored-hint', { leakBlocked: true });
        }
      }
      return this.answered(sessionId, attempt.gate.shown, agent, source, { model, mode, leakScore: Number(leakScore(attempt.full, secret).toFixed(3)) });
    } catch (error) {
      const mapped = error instanceof TutorProviderError ? error : new TutorProviderError('provider_error', messageOf(error));
      if (mapped.code !== 'cancelled') this.options.logger.warn(`tutor request failed: ${mapped.code}: ${mapped.message}`);
      return { status: 'failed', failure: withModel(mapped.toFailure(), settings), budget: this.budget() };
    } finally {
      this.running.delete(input.requestId);
    }
  }

  private async embeddingModelFor(settings: TutorSettings): Promise<string | null> {
    if (settings.provider !== 'ollama') return null;
    const cached = this.embeddingModel;
    if (cached && cached.host === settings.ollamaHost && this.now() - cached.at < EMBEDDING_MODEL_TTL_MS) return cached.model;
    let model: string | null = null;
    try {
      model = (await new OllamaProvider(settings.ollamaHost).models()).find((m) => m.embedding)?.name ?? null;
    } catch {
      model = null; // the chat request that follows reports an unreachable host properly
    }
    this.embeddingModel = { host: settings.ollamaHost, model, at: this.now() };
    return model;
  }

  private logLeak(input: AskInput, sessionId: string, stage: string): void {
    this.options.logger.warn(`tutor answer-leak guard held back a reply (${stage}) for ${input.courseId}/${input.lessonId}`);
    this.addMessage(sessionId, 'system-note', `The tutor's draft revealed too much of the solution (${stage}); it was not shown.`, null, { leak: stage });
  }

  private answered(sessionId: string, text: string, agent: TutorAgent, source: Extract<TutorAskResult, { status: 'answered' }>['source'], meta: Record<string, unknown>): TutorAskResult {
    // A heart is spent only when the model answered (or was stopped part-way), never on a failure.
    const billable = source === 'provider' || source === 'provider-strict' || source === 'authored-hint' ? 1 : 0;
    const message = this.addMessage(sessionId, 'assistant', text, agent, { source, billable, ...meta });
    return { status: 'answered', message, source, budget: this.budget() };
  }

  private async quiz(
    input: AskInput,
    sessionId: string,
    generate: (strict: boolean) => Promise<{ full: string }>,
    emit: (text: string, reset?: boolean) => void,
  ): Promise<TutorAskResult> {
    let problem = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      const { full } = await generate(false);
      const parsed = parseQuiz(full);
      if (parsed.ok) {
        const at = this.now();
        for (const question of parsed.quiz.questions) {
          this.store.db
            .insert(reviewItems)
            .values({ courseId: input.courseId, lessonId: input.lessonId, source: 'tutor-quiz', item: question, dueAt: at + 24 * 3600_000, createdAt: at })
            .run();
        }
        const text = quizMarkdown(parsed.quiz);
        emit(text);
        return this.answered(sessionId, text, 'quiz-generator', 'provider', { questions: parsed.quiz.questions.length });
      }
      problem = parsed.problem;
      this.options.logger.warn(`tutor quiz output was invalid (${problem}); ${attempt === 0 ? 'retrying' : 'giving up'}`);
    }
    return { status: 'failed', failure: failure('provider_error', `The model did not produce a valid quiz (${problem}).`), budget: this.budget() };
  }

  private async offlineReply(
    input: AskInput,
    sessionId: string,
    agent: TutorAgent,
    lesson: { title: string; objectives: readonly string[] } | null,
    emit: (text: string) => void,
  ): Promise<TutorAskResult> {
    let text: string;
    // Hints are revealed only when asked for (they can cost XP); other requests get the lesson's own words.
    if (input.action === 'hint' || input.action === 'why-failed') {
      const where = `${input.courseId}/${input.lessonId}`;
      const hint = await this.options.sources.revealNextHint(input.courseId, input.lessonId).catch(this.leftOut(`the next hint of ${where}`, null));
      const revealed = await this.options.sources.revealedHints(input.courseId, input.lessonId).catch(this.leftOut(`the revealed hints of ${where}`, []));
      text = hint
        ? `**Hint ${revealed.length}** from the lesson:\n\n> ${hint}\n\nWhat will you try first?`
        : 'There are no more authored hints for this lesson. Re-read the lesson, change one thing, and run the check again.';
    } else {
      const query = input.text.trim() || lesson?.title || '';
      const passages = await this.options.sources
        .passages(query, { courseId: input.courseId, lessonId: input.lessonId, limit: 1 })
        .catch(this.leftOut(`the lesson passages of ${input.courseId}/${input.lessonId}`, []));
      text = passages[0] ? `From the lesson — **${passages[0].heading}**:\n\n${passages[0].text}` : `This lesson's objectives: ${lesson?.objectives.join('; ') || 'see the lesson text'}.`;
    }
    text = `${text}\n\n_${offlineNote}_`;
    emit(text);
    return this.answered(sessionId, text, agent, 'offline', {});
  }

  private async gatherContext(input: AskInput, provider: ChatProvider, query: string, lesson: { title: string; type: string; objectives: readonly string[] } | null) {
    const { sources } = this.options;
    const retrievalQuery = `${query} ${lesson?.title ?? ''}`.trim();
    const [keyword, files, hintsRevealed] = await Promise.all([
      sources.passages(retrievalQuery, { courseId: input.courseId, limit: 8 }).catch(this.leftOut(`the course passages of ${input.courseId}`, [])),
      sources.learnerFiles(input.courseId, input.lessonId).catch(this.leftOut(`the learner's files of ${input.courseId}/${input.lessonId}`, [])),
      sources.revealedHints(input.courseId, input.lessonId).catch(this.leftOut(`the revealed hints of ${input.courseId}/${input.lessonId}`, [])),
    ]);
    const passages = await this.fuse(provider, retrievalQuery, keyword);
    return {
      lesson,
      level: this.learner().level,
      passages: passages.slice(0, 4),
      files,
      lastRun: this.lastRun(input.courseId, input.lessonId),
      hintsRevealed,
    };
  }

  /** Keyword order fused with embedding order when the provider can embed. */
  private async fuse(provider: ChatProvider, query: string, keyword: readonly ContextPassage[]): Promise<ContextPassage[]> {
    if (!provider.embed || keyword.length < 2) return [...keyword];
    try {
      const vectors = await provider.embed([query, ...keyword.map((p) => `${p.heading}\n${p.text}`)]);
      if (!vectors) return [...keyword];
      const semantic = rankByEmbedding(vectors[0]!, keyword.map((item, i) => ({ item, vector: vectors[i + 1]! })));
      return reciprocalRankFusion([keyword, semantic], (p) => `${p.heading}\u0000${p.text}`).map((r) => r.item);
    } catch (error) {
      this.options.logger.warn(`tutor: embedding ranking failed, keyword order used: ${messageOf(error)}`);
      return [...keyword];
    }
  }

  /** A context source that fails leaves its part out of the answer (the tutor still answers); the log says which and why. */
  private leftOut<T>(what: string, fallback: T): (error: unknown) => T {
    return (error) => {
      this.options.logger.warn(`tutor: ${what} left out of the answer: ${messageOf(error)}`);
      return fallback;
    };
  }

  private lastRun(courseId: string, lessonId: string): ContextRun | null {
    const row = this.store.db
      .select({ kind: codeExecutions.kind, outcome: codeExecutions.outcome, result: codeExecutions.result })
      .from(codeExecutions)
      .where(and(eq(codeExecutions.courseId, courseId), eq(codeExecutions.lessonId, lessonId)))
      .orderBy(desc(codeExecutions.id))
      .get();
    return row ? contextRunOf(row) : null;
  }

  /** Proactive help: three failing checks on the same test, or a long idle after a failing check. */
  nudge(courseId: string, lessonId: string, idleSeconds: number): { offer: boolean; reason: string } {
    const checks = this.store.db
      .select({ kind: codeExecutions.kind, outcome: codeExecutions.outcome, result: codeExecutions.result })
      .from(codeExecutions)
      .where(and(eq(codeExecutions.courseId, courseId), eq(codeExecutions.lessonId, lessonId), eq(codeExecutions.kind, 'check')))
      .orderBy(desc(codeExecutions.id))
      .limit(3)
      .all()
      .map(contextRunOf);
    return proactiveOffer(checks, idleSeconds);
  }

  // ── Ollama models ──────────────────────────────────────────────────────────────────
  private ollama(): OllamaProvider {
    return new OllamaProvider(this.tutorSettings().ollamaHost);
  }

  async models(): Promise<OllamaModelInfo[]> {
    try {
      return await this.ollama().models();
    } catch (error) {
      throw asDronaError(error);
    }
  }

  async pull(model: string, sessionId: string | null): Promise<void> {
    let lastEmit = 0;
    let last = { status: '', completed: 0, total: 0 };
    const emit = (done: boolean, error?: string) =>
      this.options.events.emit('tutor.pullProgress', { model, ...last, done, ...(error ? { error } : {}) }, sessionId);
    try {
      await this.ollama().pull(model, (progress) => {
        const statusChanged = progress.status !== last.status;
        last = progress;
        if (statusChanged || this.now() - lastEmit > 100) {
          lastEmit = this.now();
          emit(false);
        }
      });
      emit(true);
      this.embeddingModel = null;
    } catch (error) {
      const mapped = asDronaError(error);
      emit(true, mapped.message);
      throw mapped;
    }
  }

  async deleteModel(model: string): Promise<void> {
    try {
      await this.ollama().remove(model);
      this.embeddingModel = null;
    } catch (error) {
      throw asDronaError(error);
    }
  }
}

/** Pure rule behind nudge(); checks are newest first. */
export function proactiveOffer(checks: readonly ContextRun[], idleSeconds: number): { offer: boolean; reason: string } {
  const failing = checks.filter((c) => c.outcome !== 'pass');
  if (checks.length >= 3 && failing.length === 3) {
    const shared = failingTests(checks[0]!).filter((name) => checks.every((c) => failingTests(c).includes(name)));
    if (shared.length > 0) return { offer: true, reason: `"${shared[0]}" has failed three checks in a row. Want a hint?` };
  }
  if (checks[0] && checks[0].outcome !== 'pass' && idleSeconds >= 180) return { offer: true, reason: 'Stuck on the failing check? A hint might help.' };
  return { offer: false, reason: '' };
}

function isGraded(lessonType: string | null, hasExercise: boolean): boolean {
  return hasExercise && (lessonType === null || GRADED_TYPES.has(lessonType));
}

function modelOf(settings: TutorSettings): string {
  return settings.provider === 'anthropic' ? settings.anthropicModel : settings.provider === 'ollama' ? settings.ollamaModel : '';
}

function withModel(failure: TutorFailure, settings: TutorSettings): TutorFailure {
  return failure.code === 'model_missing' && !failure.model ? { ...failure, model: modelOf(settings) } : failure;
}

export function normaliseHost(host: string): string {
  const trimmed = host.trim().replace(/\/+$/, '');
  return /^https?:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`;
}

function asDronaError(error: unknown): DronaError {
  if (error instanceof TutorProviderError) {
    const f = error.toFailure();
    return new DronaError(`tutor_${f.code}`, `${f.message} ${f.nextStep}`, f);
  }
  return new DronaError('internal', messageOf(error));
}

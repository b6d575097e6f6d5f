// Asking the tutor: for each request it picks the agent and mode, gathers the context within a
// budget, streams the provider's reply through the answer-leak guard to the asking window only,
// and falls back to authored hints when it must.
import { messageOf } from '../../preload/contract/errors';
import type { TutorAction, TutorAgent, TutorAskResult, TutorFailure, TutorMode, TutorSettings } from '../../preload/contract/tutor';
import type { Logger } from '../app/logger';
import type { EventBus } from '../ipc/event-bus';
import type { Store } from '../store/open-store';
import type { NewCard } from '../practice/practice-service';
import { requestInstruction, systemPrompt } from './agents';
import { authoredHintReply, lessonSectionReply, quoteMarkdown } from './offline-reply';
import { LeakGate, leakScore, secretShingles } from './answer-leak-guard';
import { buildContext } from './context-builder';
import { budgetAllows } from './daily-budget';
import type { TutorRunHistory } from './last-run';
import type { OllamaModels } from './ollama-models';
import { AnthropicProvider } from './providers/anthropic-provider';
import { OllamaProvider } from './providers/ollama-provider';
import { failure, TutorProviderError, type ChatProvider } from './providers/provider';
import { guidedJudgeBrief, guidedJudgeRequest, parseJudgement, type GuidedJudgement, type GuidedStepForJudge } from './guided-judge';
import { isReviewRequest, quizReply, reviewReply, type StructuredDeps } from './structured-replies';
import { reviewInstruction } from './code-review';
import { chooseMode, isOffTopic, offTopicReply, routeAgent, type LessonType } from './routing';
import { gatherContext, leftOut, type ContextDeps } from './tutor-context';
import { modelOf, type TutorConfig } from './tutor-config';
import { isGraded, type TutorSessions } from './tutor-sessions';
import type { TutorLesson, TutorSources } from './tutor-sources';

export interface AskInput {
  readonly courseId: string;
  readonly lessonId: string;
  readonly requestId: string;
  readonly action: TutorAction;
  readonly text: string;
  readonly mode?: TutorMode;
}

/** Builds the chat provider; tests and the eval harness point it at the test servers. */
export type ProviderFactory = (settings: TutorSettings, apiKey: string | null, embeddingModel: string | null) => ChatProvider | null;

export interface TutorAskingOptions {
  readonly store: Store;
  readonly events: EventBus;
  readonly config: TutorConfig;
  readonly sessions: TutorSessions;
  readonly models: Pick<OllamaModels, 'embeddingModel'>;
  readonly sources: TutorSources;
  readonly runs: TutorRunHistory;
  /** Where generated quiz questions go for spaced review (Practice). */
  readonly review: (cards: readonly NewCard[]) => void;
  readonly logger: Logger;
  readonly now: () => number;
  readonly providerFor?: ProviderFactory;
  readonly learner?: ContextDeps['learner'];
  readonly mentor?: ContextDeps['mentor'];
}

type Emit = (text: string, reset?: boolean) => void;
type Source = Extract<TutorAskResult, { status: 'answered' }>['source'];

const actionLabels: Record<TutorAction, string> = {
  ask: '',
  hint: 'Give me a hint.',
  explain: 'Explain this, please.',
  analogy: 'Explain this with an analogy.',
  example: 'Show me an example on a different problem.',
  review: 'Review my code.',
  'why-failed': 'Why did this fail?',
  quiz: 'Quiz me on this lesson.',
};

const reflectionBrief =
  'The learner has just written the reflection below. Ask exactly one short, open question back that helps them go one step deeper. Reply with the question only.';

/** The real providers; `anthropicBaseUrl` (the app's config) sends Anthropic requests to a proxy or a local test server. */
export const providerFactory =
  (endpoints: { readonly anthropicBaseUrl?: string | null } = {}): ProviderFactory =>
  (settings, apiKey, embeddingModel) => {
    if (settings.provider === 'anthropic') {
      if (!apiKey) throw new TutorProviderError('no_key', 'No Anthropic API key is set.');
      return new AnthropicProvider({ apiKey, ...(endpoints.anthropicBaseUrl ? { baseURL: endpoints.anthropicBaseUrl } : {}) });
    }
    if (settings.provider === 'ollama') return new OllamaProvider(settings.ollamaHost, embeddingModel);
    return null;
  };

export class TutorAsking {
  private readonly running = new Map<string, AbortController>();
  private readonly providerFor: ProviderFactory;

  constructor(private readonly options: TutorAskingOptions) {
    this.providerFor = options.providerFor ?? providerFactory();
  }

  stop(requestId: string): boolean {
    const controller = this.running.get(requestId);
    controller?.abort();
    return controller !== undefined;
  }

  /** One short reply outside the conversation's stream (a reflection's question, a step's judgement); null without a provider or within budget. */
  private async oneShot(system: string, user: string, maxTokens: number): Promise<string | null> {
    const { config } = this.options;
    const settings = config.settings();
    if (settings.provider === 'none' || !budgetAllows(config.budget())) return null;
    const provider = this.providerFor(settings, config.apiKey(), null);
    if (!provider) return null;
    const full = await provider.chat(
      { model: modelOf(settings), system, messages: [{ role: 'user', content: user }], maxTokens, signal: AbortSignal.timeout(30_000) },
      () => undefined,
    );
    return full.trim();
  }

  /**
   * The Mentor's one question back on a reflection, or null without a provider (the lesson's
   * authored follow-up is used then) or when the model fails or does not ask a question. It
   * counts against the daily budget like any reply, and joins the lesson's conversation.
   */
  async reflectionQuestion(courseId: string, lessonId: string, reflection: string): Promise<string | null> {
    try {
      const question = await this.oneShot(`${systemPrompt('mentor', 'socratic')}\n\n${reflectionBrief}`, reflection, 150);
      if (!question || !question.includes('?') || question.length > 600) return null;
      const sessionId = this.options.sessions.active(courseId, lessonId);
      this.options.sessions.add(sessionId, 'assistant', question, 'mentor', { source: 'provider', billable: 1, reflection: true });
      return question;
    } catch (error) {
      // The authored follow-up takes its place; the learner's reflection is already saved.
      this.options.logger.warn(`the Mentor's reflection question failed: ${messageOf(error)}`);
      return null;
    }
  }

  /**
   * The tutor's judgement of a guided step's free answer against the step's intent, with its own
   * question after a wrong one; null without a provider, or when the reply is invalid or would
   * reveal the step (the authored follow-up is used then). Counts against the daily budget.
   */
  async guidedJudgement(courseId: string, lessonId: string, step: GuidedStepForJudge, answer: string): Promise<GuidedJudgement | null> {
    try {
      const reply = await this.oneShot(`${systemPrompt('tutor', 'socratic')}\n\n${guidedJudgeBrief}`, guidedJudgeRequest(step, answer), 200);
      if (reply === null) return null;
      const parsed = parseJudgement(reply, step, answer);
      const sessionId = this.options.sessions.active(courseId, lessonId);
      if (!parsed.ok) {
        this.options.logger.warn(`the tutor's guided judgement of ${courseId}/${lessonId} was not used: ${parsed.problem}`);
        this.options.sessions.add(sessionId, 'system-note', `The tutor's judgement was not used (${parsed.problem}).`, null, { billable: 1, guided: true });
        return null;
      }
      const said = parsed.judgement.followUp ?? 'That shows the idea: on to the next step.';
      this.options.sessions.add(sessionId, 'assistant', said, 'tutor', { source: 'provider', billable: 1, guided: parsed.judgement.verdict });
      return parsed.judgement;
    } catch (error) {
      // The authored judgement and follow-up take its place; the answer is judged and recorded all the same.
      this.options.logger.warn(`the tutor's guided judgement failed: ${messageOf(error)}`);
      return null;
    }
  }

  /** The Project Guide's review of a milestone submission against its rubric; null without a provider or when unusable (the rubric review is used). */
  async milestoneReview(
    courseId: string,
    lessonId: string,
    milestone: { title: string; rubric: readonly string[] },
    acceptance: string,
  ): Promise<string | null> {
    try {
      const files = await this.options.sources.learnerFiles(courseId, lessonId);
      const brief = `Review this milestone submission ("${milestone.title}") against the rubric, one line per point (met or not, and where), then ask one question. Never rewrite the code.`;
      const user = [
        `Rubric:\n${milestone.rubric.map((point) => `- ${point}`).join('\n')}`,
        `Acceptance checks:\n${acceptance}`,
        ...files.map((file) => `File ${file.path}:\n${file.content}`),
      ].join('\n\n');
      const review = await this.oneShot(`${systemPrompt('project-guide', 'socratic')}\n\n${brief}`, user, 400);
      if (!review || review.length > 3000) return null;
      this.options.sessions.add(this.options.sessions.active(courseId, lessonId), 'assistant', review, 'project-guide', {
        source: 'provider',
        billable: 1,
        milestone: milestone.title,
      });
      return review;
    } catch (error) {
      // The rubric review from the acceptance checks takes its place; the submission is recorded either way.
      this.options.logger.warn(`the Project Guide's milestone review failed: ${messageOf(error)}`);
      return null;
    }
  }

  async ask(input: AskInput, sessionIdForEvents: string | null): Promise<TutorAskResult> {
    const { config, sessions, sources } = this.options;
    const settings = config.settings();
    const sessionId = sessions.active(input.courseId, input.lessonId);
    const history = sessions.history(sessionId);
    const shownText = input.text.trim() || actionLabels[input.action];
    const emit: Emit = (text, reset = false) =>
      this.options.events.emit('tutor.delta', { requestId: input.requestId, text, ...(reset ? { reset } : {}) }, sessionIdForEvents);

    const billable = settings.provider !== 'none' && !isOffTopic(shownText);
    if (billable && !budgetAllows(config.budget())) {
      return {
        status: 'failed',
        failure: failure('budget_exhausted', `You have used today's ${settings.dailyBudget} tutor requests.`),
        budget: config.budget(),
      };
    }
    sessions.add(sessionId, 'user', shownText, null, { action: input.action });

    if (isOffTopic(shownText)) {
      emit(offTopicReply);
      return this.answered(sessionId, offTopicReply, 'tutor', 'declined', {});
    }

    const [lesson, exercise] = await Promise.all([sources.lesson(input.courseId, input.lessonId), sources.exercise(input.courseId, input.lessonId)]);
    const lessonType = (lesson?.type as LessonType | undefined) ?? null;
    const agent = routeAgent({ action: input.action, text: shownText, lessonType });
    const reviewing = isReviewRequest(agent, input.action, shownText);

    let provider: ChatProvider | null;
    try {
      provider = this.providerFor(settings, config.apiKey(), await this.options.models.embeddingModel(settings));
    } catch (error) {
      if (error instanceof TutorProviderError) return { status: 'failed', failure: error.toFailure(), budget: config.budget() };
      throw error;
    }
    if (!provider && reviewing) return reviewReply(this.replies(), input, sessionId, null, emit);
    if (!provider) return this.offlineReply(input, sessionId, agent, lesson, emit);

    const controller = new AbortController();
    this.running.set(input.requestId, controller);
    try {
      const learner = config.learner();
      const mode = chooseMode(lessonType, learner.level, input.mode ?? settings.mode);
      const graded = isGraded(lessonType, exercise !== null);
      const secret =
        graded && exercise
          ? secretShingles({ solution: exercise.solution.map((f) => f.content), starter: exercise.files.map((f) => f.content) })
          : new Set<string>();
      const request = { courseId: input.courseId, lessonId: input.lessonId, query: shownText, level: learner.level, agent };
      const context = await gatherContext(this.options, request, provider, lesson);
      const model = modelOf(settings);
      const budgetTokens = settings.provider === 'anthropic' ? 12_000 : 3_000;
      const chatProvider = provider;

      const generate = async (strict: boolean) => {
        if (controller.signal.aborted) throw new TutorProviderError('cancelled', 'You stopped the reply.');
        const instruction = reviewing ? reviewInstruction : requestInstruction(input.action, strict);
        const asked = instruction ? `[${instruction}]\n\n${shownText}` : shownText;
        const built = buildContext({ ...context, system: systemPrompt(agent, mode), recentMessages: history, request: asked, budgetTokens });
        // Structured replies (a quiz, a review) are parsed whole before anything is shown.
        const quiet = agent === 'quiz-generator' || reviewing;
        const gate = new LeakGate(secret, (text) => !quiet && emit(text));
        const inner = new AbortController();
        const onStop = () => inner.abort();
        controller.signal.addEventListener('abort', onStop, { once: true });
        try {
          const chat = { model, system: built.system, messages: built.messages, maxTokens: quiet ? 1200 : 700, signal: inner.signal };
          const full = await chatProvider.chat(chat, (text) => {
            if (!gate.push(text)) inner.abort();
          });
          gate.finish();
          return { full, gate };
        } catch (error) {
          if (gate.isBlocked && !controller.signal.aborted) return { full: '', gate };
          if (error instanceof TutorProviderError && error.code === 'cancelled' && gate.shown) {
            sessions.add(sessionId, 'assistant', `${gate.shown}\n\n_(stopped)_`, agent, { cancelled: true, billable: 1 });
          }
          throw error;
        } finally {
          controller.signal.removeEventListener('abort', onStop);
        }
      };

      if (agent === 'quiz-generator') return await quizReply(this.replies(), input, sessionId, generate, emit);
      if (reviewing) return await reviewReply(this.replies(), input, sessionId, { generate, secret }, emit);

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
          const hint = await sources.revealNextHint(input.courseId, input.lessonId);
          const text = hint
            ? `Here is the next hint from the lesson instead:\n\n${quoteMarkdown(hint)}\n\nWhat does it suggest you try first?`
            : "I can't show more without giving the answer away. Re-read the lesson's example, change one thing in your code, and run the check again — what changes?";
          emit(text);
          return this.answered(sessionId, text, agent, 'authored-hint', { leakBlocked: true });
        }
      }
      return this.answered(sessionId, attempt.gate.shown, agent, source, { model, mode, leakScore: Number(leakScore(attempt.full, secret).toFixed(3)) });
    } catch (error) {
      const mapped = error instanceof TutorProviderError ? error : new TutorProviderError('provider_error', messageOf(error));
      if (mapped.code !== 'cancelled') this.options.logger.warn(`tutor request failed: ${mapped.code}: ${mapped.message}`);
      return { status: 'failed', failure: withModel(mapped.toFailure(), settings), budget: config.budget() };
    } finally {
      this.running.delete(input.requestId);
    }
  }

  private replies(): StructuredDeps {
    return { options: this.options, answered: (...args) => this.answered(...args) };
  }

  private logLeak(input: AskInput, sessionId: string, stage: string): void {
    this.options.logger.warn(`tutor answer-leak guard held back a reply (${stage}) for ${input.courseId}/${input.lessonId}`);
    this.options.sessions.add(sessionId, 'system-note', `The tutor's draft revealed too much of the solution (${stage}); it was not shown.`, null, {
      leak: stage,
    });
  }

  private answered(sessionId: string, text: string, agent: TutorAgent, source: Source, meta: Record<string, unknown>): TutorAskResult {
    // A heart is spent only when the model answered (or was stopped part-way), never on a failure.
    const billable = source === 'provider' || source === 'provider-strict' || source === 'authored-hint' ? 1 : 0;
    const message = this.options.sessions.add(sessionId, 'assistant', text, agent, { source, billable, ...meta });
    return { status: 'answered', message, source, budget: this.options.config.budget() };
  }

  private async offlineReply(input: AskInput, sessionId: string, agent: TutorAgent, lesson: TutorLesson | null, emit: Emit): Promise<TutorAskResult> {
    const { sources, logger } = this.options;
    const where = `${input.courseId}/${input.lessonId}`;
    let text: string;
    // Hints are revealed only when asked for (they can cost XP); other requests get the lesson's own
    // words, as written. That a provider would add more is said once, in the panel's header.
    if (input.action === 'hint') {
      const hint = await sources.revealNextHint(input.courseId, input.lessonId).catch(leftOut(logger, `the next hint of ${where}`, null));
      const revealed = await sources.revealedHints(input.courseId, input.lessonId).catch(leftOut(logger, `the revealed hints of ${where}`, []));
      text = hint
        ? authoredHintReply(hint, revealed.length)
        : 'There are no more authored hints for this lesson. Re-read the lesson, change one thing, and run the check again.';
    } else {
      const query = input.text.trim() || lesson?.title || '';
      const passages = await sources
        .passages(query, { courseId: input.courseId, lessonId: input.lessonId, limit: 1 })
        .catch(leftOut(logger, `the lesson passages of ${where}`, []));
      text = passages[0] ? lessonSectionReply(passages[0], lesson) : `This lesson's objectives: ${lesson?.objectives.join('; ') || 'see the lesson text'}.`;
      // Making up an analogy takes a model; without one the lesson's own explanation answers, and says so.
      if (input.action === 'analogy') text = `_An analogy needs a tutor provider (Settings → Tutor); here is how the lesson explains it._\n\n${text}`;
    }
    emit(text);
    return this.answered(sessionId, text, agent, 'offline', {});
  }
}

function withModel(failure: TutorFailure, settings: TutorSettings): TutorFailure {
  return failure.code === 'model_missing' && !failure.model ? { ...failure, model: modelOf(settings) } : failure;
}

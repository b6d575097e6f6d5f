// The tutor's structured replies, parsed whole before anything is shown: a generated quiz
// (saved for spaced review) and a code review (findings on lines, validated against the
// learner's files, never repeating the reference solution; offline from the Check and rules).
import type { TutorAction, TutorAgent, TutorAskResult } from '../../preload/contract/tutor';
import { isLeak } from './answer-leak-guard';
import { offlineReview, parseReview, reviewMarkdown, withoutLeaks, type CodeReview } from './code-review';
import { failure } from './providers/provider';
import { parseQuiz, quizMarkdown } from './quiz-generator';
import { leftOut } from './tutor-context';
import type { AskInput, TutorAskingOptions } from './tutor-asking';

type Source = Extract<TutorAskResult, { status: 'answered' }>['source'];
type Emit = (text: string) => void;
type Generate = (strict: boolean) => Promise<{ full: string }>;

export interface StructuredDeps {
  readonly options: TutorAskingOptions;
  answered(sessionId: string, text: string, agent: TutorAgent, source: Source, meta: Record<string, unknown>): TutorAskResult;
}

const QUIZ_REVIEW_AFTER_MS = 24 * 3600_000;

/** "Review my code" (the button, or asking the Code Reviewer for a review in words) gets the structured review. */
export function isReviewRequest(agent: TutorAgent, action: TutorAction, text: string): boolean {
  return agent === 'code-reviewer' && (action === 'review' || /\breview\b/i.test(text));
}

export async function quizReply(deps: StructuredDeps, input: AskInput, sessionId: string, generate: Generate, emit: Emit): Promise<TutorAskResult> {
  const { options } = deps;
  let problem = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const { full } = await generate(false);
    const parsed = parseQuiz(full);
    if (parsed.ok) {
      const at = options.now();
      options.review(
        parsed.quiz.questions.map((question, index) => ({
          key: `tutor-quiz:${sessionId}:${at}:${index}`,
          source: 'tutor-quiz' as const,
          courseId: input.courseId,
          lessonId: input.lessonId,
          item: question,
          dueAt: at + QUIZ_REVIEW_AFTER_MS,
        })),
      );
      const text = quizMarkdown(parsed.quiz);
      emit(text);
      return deps.answered(sessionId, text, 'quiz-generator', 'provider', { questions: parsed.quiz.questions.length });
    }
    problem = parsed.problem;
    options.logger.warn(`tutor quiz output was invalid (${problem}); ${attempt === 0 ? 'retrying' : 'giving up'}`);
  }
  return { status: 'failed', failure: failure('provider_error', `The model did not produce a valid quiz (${problem}).`), budget: options.config.budget() };
}

/**
 * The Code Reviewer's review: with a model, its JSON (retried once when invalid), minus any
 * finding that repeats the solution; without one, or when nothing usable is left, the offline
 * review from the last Check and the static rules. The structured review is kept in the message's meta.
 */
export async function reviewReply(
  deps: StructuredDeps,
  input: AskInput,
  sessionId: string,
  model: { generate: Generate; secret: ReadonlySet<string> } | null,
  emit: Emit,
): Promise<TutorAskResult> {
  const { options } = deps;
  const where = `${input.courseId}/${input.lessonId}`;
  const files = await options.sources.learnerFiles(input.courseId, input.lessonId).catch(leftOut(options.logger, `the learner's files of ${where}`, []));
  let review: CodeReview | null = null;
  for (let attempt = 0; model && !review && attempt < 2; attempt++) {
    const parsed = parseReview((await model.generate(false)).full, files);
    const kept = parsed.ok ? withoutLeaks(parsed.review, model.secret) : null;
    if (kept && kept.findings.length > 0 && !isLeak(reviewMarkdown(kept), model.secret)) review = kept;
    else options.logger.warn(`the Code Reviewer's review was not used (${parsed.ok ? 'it repeated the solution' : parsed.problem})`);
  }
  const source: Source = review ? 'provider' : 'offline';
  if (!review) {
    const language = files.some((file) => file.path.endsWith('.py')) ? 'python' : 'javascript';
    review = offlineReview(files, language, options.runs.lastRun(input.courseId, input.lessonId));
  }
  const text = reviewMarkdown(review);
  emit(text);
  return deps.answered(sessionId, text, 'code-reviewer', source, { review });
}

// What the model is told besides the request: retrieved passages (keyword order fused with
// embedding order when the provider can embed), the learner's files, the last run, the
// revealed hints and the learner's level. A source that fails leaves its part out, logged.
import { messageOf } from '../../preload/contract/errors';
import type { Logger } from '../app/logger';
import type { ContextPassage, LearnerContext } from './context-builder';
import type { TutorRunHistory } from './last-run';
import type { ChatProvider } from './providers/provider';
import { rankByEmbedding, reciprocalRankFusion } from './retrieval-fusion';
import type { LearnerLevel } from './routing';
import type { TutorAgent } from '../../preload/contract/tutor';
import type { TutorLesson, TutorSources } from './tutor-sources';

const KEYWORD_PASSAGES = 8;
const CONTEXT_PASSAGES = 4;

export interface ContextDeps {
  readonly sources: TutorSources;
  readonly runs: TutorRunHistory;
  readonly logger: Logger;
  /** What the learner model says of the learner in this lesson (main/path), when it is wired. */
  readonly learner?: (courseId: string, lessonId: string) => LearnerContext | null;
  /** For the Mentor: the learner's path and metrics in short lines (main/path), when it is wired. */
  readonly mentor?: (courseId: string) => readonly string[] | null;
}

/** A context source that fails leaves its part out of the answer (the tutor still answers); the log says which and why. */
export function leftOut<T>(logger: Logger, what: string, fallback: T): (error: unknown) => T {
  return (error) => {
    logger.warn(`tutor: ${what} left out of the answer: ${messageOf(error)}`);
    return fallback;
  };
}

export async function gatherContext(
  deps: ContextDeps,
  request: { courseId: string; lessonId: string; query: string; level: LearnerLevel; agent?: TutorAgent },
  provider: ChatProvider,
  lesson: TutorLesson | null,
) {
  const { sources, logger } = deps;
  const { courseId, lessonId } = request;
  const where = `${courseId}/${lessonId}`;
  const retrievalQuery = `${request.query} ${lesson?.title ?? ''}`.trim();
  const [keyword, files, hintsRevealed] = await Promise.all([
    sources.passages(retrievalQuery, { courseId, limit: KEYWORD_PASSAGES }).catch(leftOut(logger, `the course passages of ${courseId}`, [])),
    sources.learnerFiles(courseId, lessonId).catch(leftOut(logger, `the learner's files of ${where}`, [])),
    sources.revealedHints(courseId, lessonId).catch(leftOut(logger, `the revealed hints of ${where}`, [])),
  ]);
  const passages = await fuse(provider, retrievalQuery, keyword, logger);
  let learner: LearnerContext | null = null;
  try {
    learner = deps.learner?.(courseId, lessonId) ?? null;
  } catch (error) {
    learner = leftOut<LearnerContext | null>(logger, `the learner model of ${where}`, null)(error);
  }
  // Only the Mentor plans with the learner, so only it is told the path and the metrics.
  let mentor: readonly string[] | null = null;
  try {
    mentor = request.agent === 'mentor' ? (deps.mentor?.(courseId) ?? null) : null;
  } catch (error) {
    mentor = leftOut<readonly string[] | null>(logger, `the path and metrics of ${courseId}`, null)(error);
  }
  return {
    lesson,
    level: request.level,
    passages: passages.slice(0, CONTEXT_PASSAGES),
    files,
    lastRun: deps.runs.lastRun(courseId, lessonId),
    hintsRevealed,
    learner,
    mentor,
  };
}

/** Keyword order fused with embedding order when the provider can embed. */
async function fuse(provider: ChatProvider, query: string, keyword: readonly ContextPassage[], logger: Logger): Promise<ContextPassage[]> {
  if (!provider.embed || keyword.length < 2) return [...keyword];
  try {
    const vectors = await provider.embed([query, ...keyword.map((p) => `${p.heading}\n${p.text}`)]);
    if (!vectors) return [...keyword];
    const semantic = rankByEmbedding(
      vectors[0]!,
      keyword.map((item, i) => ({ item, vector: vectors[i + 1]! })),
    );
    return reciprocalRankFusion([keyword, semantic], (p) => `${p.heading}\u0000${p.text}`).map((r) => r.item);
  } catch (error) {
    logger.warn(`tutor: embedding ranking failed, keyword order used: ${messageOf(error)}`);
    return [...keyword];
  }
}

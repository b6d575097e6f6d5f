// The tutor's conversations: one open session per lesson (until the learner clears it), its
// messages kept in ai_sessions / ai_messages so they survive a restart.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { DronaError } from '../../preload/contract/errors';
import { tutorOfferPatterns, type TutorAgent, type TutorMessage, type TutorSession, type TutorSettings } from '../../preload/contract/tutor';
import { offerMeta } from './initiative/initiative-signals';

type TutorOfferPattern = (typeof tutorOfferPatterns)[number];
import type { Store } from '../store/open-store';
import { aiMessages, aiSessions } from '../store/schema';
import type { ChatTurn } from './context-builder';
import { modelOf } from './tutor-config';
import type { TutorSources } from './tutor-sources';
import { exerciseLessonTypes } from '../../preload/contract/courses';

/** A stored row as the panel sees it: an unasked offer and a rating come out of its meta. */
function messageOf(row: { id: number; role: string; agent: string | null; content: string; meta: unknown; createdAt: number }): TutorMessage {
  const offer = offerMeta(row.meta);
  const rating = ratingOf(row.meta);
  return {
    id: row.id,
    role: row.role as TutorMessage['role'],
    agent: (row.agent as TutorAgent | null) ?? null,
    content: row.content,
    createdAt: row.createdAt,
    ...(offer && (tutorOfferPatterns as readonly string[]).includes(offer.pattern)
      ? { offer: { pattern: offer.pattern as TutorOfferPattern, why: offer.why } }
      : {}),
    ...(rating ? { rating } : {}),
  };
}

export function ratingOf(meta: unknown): { helpful: boolean; reason: string } | null {
  const rating = meta && typeof meta === 'object' && 'rating' in meta ? (meta as { rating: unknown }).rating : null;
  if (!rating || typeof rating !== 'object') return null;
  const { helpful, reason } = rating as Record<string, unknown>;
  return typeof helpful === 'boolean' && typeof reason === 'string' ? { helpful, reason } : null;
}

const GRADED_TYPES: ReadonlySet<string> = exerciseLessonTypes;
const RECENT_MESSAGES = 12;

/** A lesson is graded when it has an exercise and its type is one that a Check completes. */
export function isGraded(lessonType: string | null, hasExercise: boolean): boolean {
  return hasExercise && (lessonType === null || GRADED_TYPES.has(lessonType));
}

export interface TutorSessionsOptions {
  readonly store: Store;
  /** The settings a new session records (provider and model). */
  readonly settings: () => TutorSettings;
  readonly sources: Pick<TutorSources, 'lesson' | 'exercise' | 'revealedHints'>;
  readonly now: () => number;
}

export class TutorSessions {
  constructor(private readonly options: TutorSessionsOptions) {}

  private get db() {
    return this.options.store.db;
  }

  /** The lesson's open session, started when there is none. */
  active(courseId: string, lessonId: string): string {
    const row = this.db
      .select({ id: aiSessions.id })
      .from(aiSessions)
      .where(and(eq(aiSessions.courseId, courseId), eq(aiSessions.lessonId, lessonId), isNull(aiSessions.clearedAt)))
      .orderBy(desc(aiSessions.createdAt))
      .get();
    if (row) return row.id;
    const id = randomUUID();
    const settings = this.options.settings();
    const at = this.options.now();
    this.db
      .insert(aiSessions)
      .values({ id, courseId, lessonId, provider: settings.provider, model: modelOf(settings) || null, createdAt: at, updatedAt: at })
      .run();
    return id;
  }

  messages(sessionId: string): TutorMessage[] {
    return this.db
      .select()
      .from(aiMessages)
      .where(eq(aiMessages.sessionId, sessionId))
      .orderBy(aiMessages.id)
      .all()
      .map((row) => messageOf(row));
  }

  /** The last turns of the conversation, as the model sees them (system notes left out). */
  history(sessionId: string): ChatTurn[] {
    return this.messages(sessionId)
      .filter((m) => m.role !== 'system-note')
      .slice(-RECENT_MESSAGES)
      .map((m): ChatTurn => ({ role: m.role === 'user' ? 'user' : 'assistant', content: m.content }));
  }

  add(sessionId: string, role: TutorMessage['role'], content: string, agent: TutorAgent | null, meta: Record<string, unknown> = {}): TutorMessage {
    const at = this.options.now();
    const row = this.db.insert(aiMessages).values({ sessionId, role, agent, content, meta, createdAt: at }).returning({ id: aiMessages.id }).get();
    this.db.update(aiSessions).set({ updatedAt: at }).where(eq(aiSessions.id, sessionId)).run();
    return messageOf({ id: row.id, role, agent, content, meta, createdAt: at });
  }

  /** Rates one of the tutor's replies (the learner's own words for why); a later rating replaces it. */
  rate(messageId: number, helpful: boolean, reason: string): TutorMessage {
    const row = this.db.select().from(aiMessages).where(eq(aiMessages.id, messageId)).get();
    if (!row || row.role !== 'assistant') throw new DronaError('not_found', `There is no tutor reply ${messageId} to rate.`);
    const meta = { ...(row.meta && typeof row.meta === 'object' ? row.meta : {}), rating: { helpful, reason, at: this.options.now() } };
    this.db.update(aiMessages).set({ meta }).where(eq(aiMessages.id, messageId)).run();
    return messageOf({ ...row, meta });
  }

  async session(courseId: string, lessonId: string): Promise<TutorSession> {
    const sessionId = this.active(courseId, lessonId);
    const { sources } = this.options;
    const [exercise, revealed, lesson] = await Promise.all([
      sources.exercise(courseId, lessonId),
      sources.revealedHints(courseId, lessonId),
      sources.lesson(courseId, lessonId),
    ]);
    return {
      sessionId,
      messages: this.messages(sessionId),
      hintsTotal: exercise?.hints.length ?? 0,
      hintsRevealed: [...revealed],
      graded: isGraded(lesson?.type ?? null, exercise !== null),
      lessonType: lesson?.type ?? null,
    };
  }

  async clear(courseId: string, lessonId: string): Promise<TutorSession> {
    this.db
      .update(aiSessions)
      .set({ clearedAt: this.options.now() })
      .where(and(eq(aiSessions.courseId, courseId), eq(aiSessions.lessonId, lessonId), isNull(aiSessions.clearedAt)))
      .run();
    return this.session(courseId, lessonId);
  }
}

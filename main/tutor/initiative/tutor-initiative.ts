// The tutor acting unasked (design §7.3): on each poll it reads main's own signals for the lesson,
// asks the trigger rules for an offer and, once per cause, adds it to the lesson's conversation
// with the signal behind it ("Why this?"). Offers use authored material, so they need no provider.
import { and, eq } from 'drizzle-orm';
import { tutorOfferPatterns, type TutorAgent, type TutorMessage } from '../../../preload/contract/tutor';
import type { RunHistory } from '../../sandbox/run-history';
import type { Store } from '../../store/open-store';
import { aiMessages, examAttempts, profile } from '../../store/schema';
import type { TutorConfig } from '../tutor-config';
import type { TutorSessions } from '../tutor-sessions';
import type { TutorSources } from '../tutor-sources';
import { lessonSignals, offerMeta } from './initiative-signals';
import { offerText } from './offer-text';
import { nextOffer, type GamificationMode } from './trigger-rules';

/** An offer answers what just happened: a cause older than this is left alone (a lesson reopened days later). */
export const OFFER_FRESH_MS = 15 * 60_000;

const offerAgents: Record<(typeof tutorOfferPatterns)[number], TutorAgent> = {
  'simpler-explanation': 'tutor',
  socratic: 'tutor',
  praise: 'mentor',
  harder: 'tutor',
  'check-in': 'assessor',
};

export interface TutorInitiativeOptions {
  readonly store: Store;
  readonly runs: Pick<RunHistory, 'recent'>;
  readonly sessions: TutorSessions;
  readonly sources: Pick<TutorSources, 'lesson'>;
  readonly config: Pick<TutorConfig, 'settings'>;
  readonly now: () => number;
}

export class TutorInitiative {
  constructor(private readonly options: TutorInitiativeOptions) {}

  private gamification(): GamificationMode {
    const mode = this.options.store.db.select({ mode: profile.gamificationMode }).from(profile).get()?.mode;
    return mode === 'full' || mode === 'moderate' ? mode : 'minimal';
  }

  private examInProgress(): boolean {
    return this.options.store.db.select({ id: examAttempts.id }).from(examAttempts).where(eq(examAttempts.status, 'in-progress')).get() !== undefined;
  }

  private offered(sessionId: string): Set<string> {
    const rows = this.options.store.db
      .select({ meta: aiMessages.meta })
      .from(aiMessages)
      .where(and(eq(aiMessages.sessionId, sessionId), eq(aiMessages.role, 'assistant')))
      .all();
    return new Set(rows.flatMap(({ meta }) => offerMeta(meta)?.key ?? []));
  }

  /** The offer the lesson's signals call for now, added to its conversation; null when none (or it was already made). */
  async nudge(courseId: string, lessonId: string): Promise<TutorMessage | null> {
    const { store, runs, sessions, sources, config } = this.options;
    const initiative = config.settings().initiative;
    if (initiative === 'off') return null;
    const lesson = await sources.lesson(courseId, lessonId);
    if (!lesson) return null;
    const sessionId = sessions.active(courseId, lessonId);
    const signals = lessonSignals(store, runs, { courseId, lessonId, sessionId });
    const now = this.options.now();
    const offer = nextOffer(signals, now, { lessonType: lesson.type, exam: this.examInProgress(), initiative, gamification: this.gamification() });
    if (!offer) return null;
    const cause = signals.filter((signal) => signal.kind !== 'interaction').at(-1)?.at ?? null;
    if (offer.pattern !== 'check-in' && (cause === null || now - cause > OFFER_FRESH_MS)) return null;
    // One offer per cause: the pattern and the learner's latest act (a check-in resets its own count).
    const key = offer.pattern === 'check-in' ? `check-in:${now}` : `${offer.pattern}:${cause}`;
    if (this.offered(sessionId).has(key)) return null;
    return sessions.add(sessionId, 'assistant', offerText(offer, lesson), offerAgents[offer.pattern], {
      offer: { pattern: offer.pattern, why: offer.why, key },
      source: 'initiative',
      billable: 0,
    });
  }
}

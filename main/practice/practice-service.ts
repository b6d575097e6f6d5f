// Practice: the spaced-review cards and their schedule. Cards come from missed quiz questions
// (the lesson feature adds them), the tutor's generated questions and a course's check
// questions; answering one grades it here (the window never sees the answer first), rates it
// from correctness and time, and reschedules it with FSRS, in one transaction with its log row.
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { DronaError } from '../../preload/contract/errors';
import type { DueCard, PracticeAnswer, PracticeDue, ReviewCardItem, ReviewCardSource } from '../../preload/contract/practice';
import { reviewCardItemSchema } from '../../preload/contract/practice';
import { localDayEnd } from '../progress/streak-reminder';
import type { Store } from '../store/open-store';
import { unchangedRead } from '../store/unchanged-reads';
import { lessons, reviewCards, reviewLog } from '../store/schema';
import { isExactAnswer } from '../learner/exact-answer';
import { reviewEvidence, timeRatioOf } from '../learner/evidence';
import type { MasteryStore } from '../learner/mastery-store';
import { newReviewState, ratingFor, review, type ReviewState } from '../learner/review-schedule';

export interface NewCard {
  /** Names the card's cause; adding the same key again keeps the first card. */
  readonly key: string;
  readonly source: ReviewCardSource;
  readonly courseId?: string | null;
  readonly lessonId?: string | null;
  readonly conceptId?: string | null;
  readonly item: ReviewCardItem;
  /** When it first comes up (missed quiz questions: the next day). */
  readonly dueAt: number;
}

export interface PracticeOptions {
  readonly now: () => number;
  /** The learner's timezone, for "due today". */
  readonly timezone: () => string;
  readonly changed?: (dueCount: number) => void;
  /** The learner model: a card's answer moves its concept's mastery in the answer's transaction. */
  readonly mastery?: Pick<MasteryStore, 'apply'>;
  /** Cards the learner model asks for (concept checks, "solve again"), added before the due cards are listed. */
  readonly generated?: () => readonly NewCard[];
}

/** A learner who knows the answer reads and picks in about this long per option (the card's par). */
const SECONDS_PER_OPTION = 5;
const MAX_RESPONSE_MS = 10 * 60_000;

export class PracticeService {
  constructor(
    private readonly store: Store,
    private readonly options: PracticeOptions,
  ) {}

  /** The end of the learner's local day: cards due by then are due today. */
  endOfToday(): number {
    return localDayEnd(this.options.now(), this.options.timezone());
  }

  /** Adds cards, keeping the first of each key; says how many were new. */
  add(cards: readonly NewCard[]): number {
    let added = 0;
    const at = this.options.now();
    // Cards already there are neither validated nor written again: callers offer the same ones often.
    const existing = existingCardKeys(
      this.store,
      cards.map((card) => card.key),
    );
    const fresh = cards.filter((card) => !existing.has(card.key));
    if (fresh.length === 0) return 0;
    this.store.sqlite.transaction(() => {
      for (const card of fresh) {
        const item = reviewCardItemSchema.parse(card.item);
        const schedule = { ...newReviewState(card.dueAt) };
        const result = this.store.db
          .insert(reviewCards)
          .values({
            key: card.key,
            source: card.source,
            courseId: card.courseId ?? null,
            lessonId: card.lessonId ?? null,
            conceptId: card.conceptId ?? null,
            item,
            schedule,
            dueAt: card.dueAt,
            createdAt: at,
          })
          .onConflictDoNothing()
          .run();
        added += result.changes;
      }
    })();
    if (added > 0) this.options.changed?.(this.dueCount());
    return added;
  }

  dueCount(): number {
    const end = this.endOfToday();
    // Asked by Next up and the HUD on every look: counted once per state of the store and day.
    return unchangedRead(
      this.store.sqlite,
      `practice.due:${end}`,
      () => this.store.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM review_cards WHERE due_at <= ${end}`).n,
    );
  }

  /** Adds the learner model's cards; says how many were new. */
  refresh(): number {
    return this.options.generated ? this.add(this.options.generated()) : 0;
  }

  due(): PracticeDue {
    this.refresh();
    const end = this.endOfToday();
    const rows = this.store.db
      .select({ card: reviewCards, lessonTitle: lessons.title })
      .from(reviewCards)
      .leftJoin(lessons, and(eq(lessons.courseId, reviewCards.courseId), eq(lessons.lessonId, reviewCards.lessonId), sql`${lessons.removedAt} IS NULL`))
      .where(lte(reviewCards.dueAt, end))
      .orderBy(asc(reviewCards.dueAt), asc(reviewCards.id))
      .all();
    const next = this.store.db
      .select({ dueAt: reviewCards.dueAt })
      .from(reviewCards)
      .where(gt(reviewCards.dueAt, end))
      .orderBy(asc(reviewCards.dueAt))
      .limit(1)
      .get();
    return { cards: rows.map(({ card, lessonTitle }) => toDueCard(card, lessonTitle ?? null)), nextDueAt: next?.dueAt ?? null };
  }

  answer(cardId: number, selected: readonly number[], responseMs: number): PracticeAnswer {
    const now = this.options.now();
    const result = this.store.sqlite.transaction(() => {
      const card = this.store.db.select().from(reviewCards).where(eq(reviewCards.id, cardId)).get();
      if (!card) throw new DronaError('not_found', `Review card ${cardId} does not exist (it may have been removed with its course).`);
      const item = card.item as ReviewCardItem;
      if (selected.some((index) => index >= item.options.length))
        throw new DronaError('invalid_input', `Card ${cardId} has ${item.options.length} options; an answer chose one that is not there.`);
      const correct = isExactAnswer(item.options, selected);
      const clamped = Math.min(MAX_RESPONSE_MS, Math.max(0, responseMs));
      const expectedSeconds = SECONDS_PER_OPTION * item.options.length;
      const rating = ratingFor({ correct, responseSeconds: clamped / 1000, expectedSeconds });
      const schedule = review(card.schedule as ReviewState, rating, now);
      this.store.db.update(reviewCards).set({ schedule, dueAt: schedule.due }).where(eq(reviewCards.id, cardId)).run();
      const log = this.store.db
        .insert(reviewLog)
        .values({ cardId, correct, rating, responseMs: clamped, reviewedAt: now })
        .returning({ id: reviewLog.id })
        .get();
      this.options.mastery?.apply(reviewEvidence(card, log.id, correct, timeRatioOf(clamped / 1000, expectedSeconds), now));
      return {
        correct,
        correctOptions: item.options.flatMap((option, index) => (option.correct ? [index] : [])),
        explanations: item.options.map((option) => option.explanation ?? null),
        rating,
        nextDueAt: schedule.due,
      };
    })();
    const dueCount = this.dueCount();
    this.options.changed?.(dueCount);
    return { ...result, dueCount };
  }
}

/** Which of these card keys are stored already: one query through the key index. */
export function existingCardKeys(store: Store, keys: readonly string[]): Set<string> {
  if (keys.length === 0) return new Set();
  const rows = store.sqlite.prepare('SELECT key FROM review_cards WHERE key IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(keys));
  return new Set(rows as string[]);
}

function toDueCard({ id, source, courseId, lessonId, item: stored }: typeof reviewCards.$inferSelect, lessonTitle: string | null): DueCard {
  const { prompt, code, language, options } = stored as ReviewCardItem;
  const optional = { ...(code === undefined ? {} : { code }), ...(language === undefined ? {} : { language }) };
  const multiple = options.filter((option) => option.correct).length > 1;
  return {
    id,
    source: source as ReviewCardSource,
    courseId,
    lessonId,
    lessonTitle,
    prompt,
    ...optional,
    options: options.map((option) => option.text),
    multiple,
  };
}

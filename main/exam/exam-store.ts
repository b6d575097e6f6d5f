// The exam's rows (exam_attempts, exam_sections, exam_answers): every write one transaction.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Store } from '../store/open-store';
import { examAnswers, examAttempts, examSections } from '../store/schema';
import type { ExamSectionKind } from '../../common/exam/exam-sections';
import { sectionOrder } from '../../common/exam/exam-grading';
import type { SectionClock } from '../../common/exam/exam-timing';

export type AttemptRow = typeof examAttempts.$inferSelect;
export type SectionRow = typeof examSections.$inferSelect;
export type AnswerRow = typeof examAnswers.$inferSelect;

export class ExamStore {
  constructor(private readonly store: Store) {}

  attempts(courseId: string): AttemptRow[] {
    return this.store.db.select().from(examAttempts).where(eq(examAttempts.courseId, courseId)).orderBy(desc(examAttempts.id)).all();
  }

  /** The id of an attempt in progress; null when none. */
  inProgress(): number | null {
    return this.store.db.select({ id: examAttempts.id }).from(examAttempts).where(eq(examAttempts.status, 'in-progress')).get()?.id ?? null;
  }

  attempt(attemptId: number): AttemptRow | undefined {
    return this.store.db.select().from(examAttempts).where(eq(examAttempts.id, attemptId)).get();
  }

  create(row: Omit<typeof examAttempts.$inferInsert, 'id'>, now: number): number {
    return this.store.transaction((db) => {
      const { id } = db.insert(examAttempts).values(row).returning({ id: examAttempts.id }).get();
      // Sections start their clocks when they are reached; seenAt is set then.
      for (const section of sectionOrder) db.insert(examSections).values({ attemptId: id, section, seenAt: now }).run();
      return id;
    });
  }

  sections(attemptId: number): Map<ExamSectionKind, SectionRow> {
    const rows = this.store.db.select().from(examSections).where(eq(examSections.attemptId, attemptId)).all();
    return new Map(rows.map((row) => [row.section as ExamSectionKind, row]));
  }

  saveClock(attemptId: number, section: ExamSectionKind, clock: SectionClock): void {
    this.store.db
      .update(examSections)
      .set({ usedMs: clock.usedMs, seenAt: clock.seenAt })
      .where(and(eq(examSections.attemptId, attemptId), eq(examSections.section, section)))
      .run();
  }

  answers(attemptId: number, section?: ExamSectionKind): AnswerRow[] {
    const where = section ? and(eq(examAnswers.attemptId, attemptId), eq(examAnswers.section, section)) : eq(examAnswers.attemptId, attemptId);
    return this.store.db.select().from(examAnswers).where(where).orderBy(asc(examAnswers.position)).all();
  }

  saveAnswer(row: typeof examAnswers.$inferInsert): void {
    this.store.db
      .insert(examAnswers)
      .values(row)
      .onConflictDoUpdate({
        target: [examAnswers.attemptId, examAnswers.itemId],
        set: { answer: row.answer, correct: row.correct ?? null, score: row.score ?? null, updatedAt: row.updatedAt },
      })
      .run();
  }

  /** Submits `section` with its score and moves the attempt to the next section (its clock starting now), in one transaction. */
  submitSection(attemptId: number, section: ExamSectionKind, score: number | null, timedOut: boolean, now: number): void {
    this.store.transaction((db) => {
      db.update(examSections)
        .set({ submittedAt: now, score, timedOut })
        .where(and(eq(examSections.attemptId, attemptId), eq(examSections.section, section)))
        .run();
      const next = sectionOrder.indexOf(section) + 1;
      db.update(examAttempts).set({ section: next }).where(eq(examAttempts.id, attemptId)).run();
      if (next < sectionOrder.length) {
        db.update(examSections)
          .set({ seenAt: now })
          .where(and(eq(examSections.attemptId, attemptId), eq(examSections.section, sectionOrder[next]!)))
          .run();
      }
    });
  }

  finish(attemptId: number, status: string, overall: number, now: number): void {
    this.store.db.update(examAttempts).set({ status, overall, finishedAt: now }).where(eq(examAttempts.id, attemptId)).run();
  }
}

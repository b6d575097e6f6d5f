// Certificate tiers and what each requires (design §9). Shared by the server (which checks them
// against the events, exam results and reviews it holds) and the app (which shows what is missing
// per tier and self-issues Bronze offline): one rule, one bar.
//
// Bronze proves effort: every lesson of the course completed and at least 70% on every quiz.
// Silver proves knowledge: Bronze, plus a passed Silver exam (graded by whoever holds it, never
//         by the learner's own claim).
// Gold proves delivery: Silver, plus a project review that was accepted.

export const certificateTiers = ['bronze', 'silver', 'gold'] as const;
export type CertificateTier = (typeof certificateTiers)[number];

/** Bronze's quiz bar: the design's 70%, whatever a course's own pass mark. */
export const bronzeQuizPercent = 70;
/** The Silver exam's pass mark. */
export const silverExamPercent = 80;
/** A Gold project review's pass mark. */
export const goldReviewPercent = 75;

export interface OutlineLesson {
  readonly id: string;
  readonly type: string;
  readonly title?: string;
}

/** A graded Silver exam, as held by its grader. */
export interface ExamEvidence {
  readonly score: number;
  readonly passed: boolean;
}

/** A Gold project review, as held by its reviewer. */
export interface ReviewEvidence {
  readonly score: number;
  readonly accepted: boolean;
  readonly projectUrl?: string | undefined;
  readonly summary?: string | undefined;
}

export interface Evidence {
  readonly completedLessons: ReadonlySet<string>;
  /** Lessons whose tests passed (check-passed or challenge-completed). */
  readonly passedChecks: ReadonlySet<string>;
  /** Best quiz score per lesson, in percent. */
  readonly quizScores: ReadonlyMap<string, number>;
  /** The learner's best Silver exam for the course, when one is held; none otherwise. */
  readonly exam?: ExamEvidence | null | undefined;
  /** The learner's accepted (or latest) Gold project review, when one is held. */
  readonly review?: ReviewEvidence | null | undefined;
}

export interface TierStatus {
  readonly tier: CertificateTier;
  readonly eligible: boolean;
  readonly missing: string[];
}

/** What each tier certifies, in the words of the credential's criteria. */
export const criteriaNarrative: Record<CertificateTier, string> = {
  bronze: `Completed every lesson of the course and scored at least ${bronzeQuizPercent}% on every quiz.`,
  silver: `Earned Bronze, then passed the course's timed Silver exam with at least ${silverExamPercent}%.`,
  gold: `Earned Silver, then delivered a project that passed review against the course rubric (at least ${goldReviewPercent}%).`,
};

export const tierTitle = (tier: string) => tier.charAt(0).toUpperCase() + tier.slice(1);

const name = (lesson: OutlineLesson) => lesson.title ?? lesson.id;

export function tierStatuses(lessons: readonly OutlineLesson[], evidence: Evidence): TierStatus[] {
  const bronze: string[] = [];
  if (lessons.length === 0) bronze.push('The course has no lessons.');
  for (const lesson of lessons) {
    if (!evidence.completedLessons.has(lesson.id)) bronze.push(`Complete "${name(lesson)}".`);
    else if (lesson.type === 'quiz') {
      const score = evidence.quizScores.get(lesson.id) ?? 0;
      if (score < bronzeQuizPercent) bronze.push(`Score at least ${bronzeQuizPercent}% on the quiz "${name(lesson)}" (best so far ${score}%).`);
    }
  }
  const silver = [...bronze];
  if (!evidence.exam?.passed)
    silver.push(
      evidence.exam
        ? `Pass the Silver exam with at least ${silverExamPercent}% (best so far ${evidence.exam.score}%).`
        : `Pass the Silver exam with at least ${silverExamPercent}%.`,
    );
  const gold = [...silver];
  if (!evidence.review?.accepted)
    gold.push(evidence.review ? 'Revise the Gold project until its review accepts it.' : 'Submit a Gold project and have it accepted in review.');
  return [
    { tier: 'bronze', eligible: bronze.length === 0, missing: bronze },
    { tier: 'silver', eligible: silver.length === 0, missing: silver },
    { tier: 'gold', eligible: gold.length === 0, missing: gold },
  ];
}

/** One recorded learning event, as either side stores it. */
export interface EvidenceEvent {
  readonly kind: string;
  readonly lessonId: string | null;
  /** A quiz's score, as recorded (anything not a finite number counts as 0). */
  readonly score?: unknown;
}

/**
 * The lesson evidence in a learner's events for one course: completions (a passed quiz or a
 * completed challenge completes its lesson too), passed tests and the best score per quiz. Each
 * lesson counts once however often its events repeat.
 */
export function evidenceFromEvents(events: Iterable<EvidenceEvent>): Pick<Evidence, 'completedLessons' | 'passedChecks' | 'quizScores'> {
  const completedLessons = new Set<string>();
  const passedChecks = new Set<string>();
  const quizScores = new Map<string, number>();
  for (const { kind, lessonId, score } of events) {
    if (!lessonId) continue;
    if (kind === 'lesson-completed' || kind === 'challenge-completed' || kind === 'quiz-passed') completedLessons.add(lessonId);
    if (kind === 'check-passed' || kind === 'challenge-completed') passedChecks.add(lessonId);
    if (kind === 'quiz-passed') {
      const value = Number(score);
      const clamped = Number.isFinite(value) ? Math.max(0, Math.min(100, value)) : 0;
      quizScores.set(lessonId, Math.max(quizScores.get(lessonId) ?? 0, clamped));
    }
  }
  return { completedLessons, passedChecks, quizScores };
}

/** The evidence a credential carries, in words: what was completed and scored. */
export function evidenceNarrative(lessons: readonly OutlineLesson[], evidence: Evidence): string[] {
  const quizzes = lessons.filter((l) => l.type === 'quiz');
  const lines = [`Completed ${lessons.filter((l) => evidence.completedLessons.has(l.id)).length} of ${lessons.length} lessons.`];
  if (quizzes.length > 0) {
    const scores = quizzes.map((q) => evidence.quizScores.get(q.id) ?? 0);
    lines.push(
      `Quizzes: ${quizzes.length}, lowest best score ${Math.min(...scores)}%, average ${Math.round(scores.reduce((a, b) => a + b, 0) / scores.length)}%.`,
    );
  }
  const challenges = lessons.filter((l) => l.type === 'challenge' || l.type === 'project');
  if (challenges.length > 0)
    lines.push(`Challenges and projects with passing tests: ${challenges.filter((l) => evidence.passedChecks.has(l.id)).length} of ${challenges.length}.`);
  if (evidence.exam) lines.push(`Silver exam: ${evidence.exam.score}% (${evidence.exam.passed ? 'passed' : 'not passed'}).`);
  if (evidence.review)
    lines.push(
      `Project review: ${evidence.review.score}% (${evidence.review.accepted ? 'accepted' : 'not accepted'})${evidence.review.summary ? `: ${evidence.review.summary}` : ''}.`,
    );
  return lines;
}

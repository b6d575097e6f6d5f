// Certificate tiers and what each requires. Shared by the server (which checks them against
// the events it has ingested) and the app (which shows what is missing per tier).
//
// Bronze: every lesson of the course completed.
// Silver: Bronze, plus every challenge lesson's tests passed and at least 80% on every quiz.
// Gold:   Silver, plus every project lesson's tests passed and at least 95% on every quiz
//         (the "exceptional" bar: near-perfect quizzes and a working project).

export const certificateTiers = ['bronze', 'silver', 'gold'] as const;
export type CertificateTier = (typeof certificateTiers)[number];

export const silverQuizPercent = 80;
export const goldQuizPercent = 95;

export interface OutlineLesson {
  readonly id: string;
  readonly type: string;
  readonly title?: string;
}

export interface Evidence {
  readonly completedLessons: ReadonlySet<string>;
  /** Lessons whose tests passed (check-passed or challenge-completed). */
  readonly passedChecks: ReadonlySet<string>;
  /** Best quiz score per lesson, in percent. */
  readonly quizScores: ReadonlyMap<string, number>;
}

export interface TierStatus {
  readonly tier: CertificateTier;
  readonly eligible: boolean;
  readonly missing: string[];
}

const name = (lesson: OutlineLesson) => lesson.title ?? lesson.id;

export function tierStatuses(lessons: readonly OutlineLesson[], evidence: Evidence): TierStatus[] {
  const bronze: string[] = [];
  const silver: string[] = [];
  const gold: string[] = [];
  if (lessons.length === 0) bronze.push('The course has no lessons.');
  for (const lesson of lessons) {
    if (!evidence.completedLessons.has(lesson.id)) bronze.push(`Complete "${name(lesson)}".`);
    if (lesson.type === 'challenge' && !evidence.passedChecks.has(lesson.id)) silver.push(`Pass the tests of the challenge "${name(lesson)}".`);
    if (lesson.type === 'quiz') {
      const score = evidence.quizScores.get(lesson.id) ?? 0;
      if (score < silverQuizPercent) silver.push(`Score at least ${silverQuizPercent}% on the quiz "${name(lesson)}" (best so far ${score}%).`);
      else if (score < goldQuizPercent) gold.push(`Score at least ${goldQuizPercent}% on the quiz "${name(lesson)}" (best so far ${score}%).`);
    }
    if (lesson.type === 'project' && !evidence.passedChecks.has(lesson.id)) gold.push(`Pass the tests of the project "${name(lesson)}".`);
  }
  const silverMissing = [...bronze, ...silver];
  return [
    { tier: 'bronze', eligible: bronze.length === 0, missing: bronze },
    { tier: 'silver', eligible: silverMissing.length === 0, missing: silverMissing },
    { tier: 'gold', eligible: silverMissing.length + gold.length === 0, missing: [...silverMissing, ...gold] },
  ];
}

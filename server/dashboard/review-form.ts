// The review form of the dashboard (server/dashboard/review-pages.ts): what the instructor typed,
// kept to show again with its errors, and the review it makes once the wire schema accepts it.
import { rubricCategories, rubricTitles, type AutomatedChecks, type RubricCategory } from '../../common/rules/project-review';
import { instructorReviewRequest, type InstructorReviewRequest } from '../../common/sync-api/project-api';

export interface ReviewDraft {
  readonly scores: Readonly<Record<RubricCategory, { score: string; reasons: string }>>;
  readonly automated: { testsPassed: boolean; testCount: string; lintClean: boolean; readme: boolean };
  readonly note: string;
}

/** The form as the submission's own automated checks fill it in, scores still empty. */
export function blankDraft(automated: AutomatedChecks): ReviewDraft {
  return {
    scores: Object.fromEntries(rubricCategories.map((category) => [category, { score: '', reasons: '' }])) as ReviewDraft['scores'],
    automated: { ...automated, testCount: String(automated.testCount) },
    note: '',
  };
}

type Form = Record<string, string | File | (string | File)[]>;
const field = (form: Form, name: string, max = 20_000) => {
  const value = form[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/** The draft from the posted form, and the review when it is complete (else the problems, in the instructor's words). */
export function readReviewForm(form: Form): { draft: ReviewDraft; review: InstructorReviewRequest | null; problems: string[] } {
  const draft: ReviewDraft = {
    scores: Object.fromEntries(
      rubricCategories.map((category) => [category, { score: field(form, `${category}-score`, 10), reasons: field(form, `${category}-reasons`) }]),
    ) as ReviewDraft['scores'],
    automated: {
      testsPassed: form.testsPassed === 'on',
      testCount: field(form, 'testCount', 10),
      lintClean: form.lintClean === 'on',
      readme: form.readme === 'on',
    },
    note: field(form, 'note', 2000),
  };
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const parsed = instructorReviewRequest.safeParse({
    decision: form.decision,
    scores: Object.fromEntries(
      rubricCategories.map((category) => [
        category,
        {
          score: number(draft.scores[category].score),
          reasons: draft.scores[category].reasons
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        },
      ]),
    ),
    automated: { ...draft.automated, testCount: number(draft.automated.testCount) },
    ...(draft.note.trim() ? { note: draft.note } : {}),
  });
  if (parsed.success) return { draft, review: parsed.data, problems: [] };
  return { draft, review: null, problems: [...new Set(parsed.error.issues.map(problem))] };
}

function problem(issue: { path: PropertyKey[]; message: string }): string {
  const [first, category, part] = issue.path.map(String);
  const title = rubricTitles[category as RubricCategory] ?? category;
  if (first === 'decision') return 'Choose Approve or Request changes.';
  if (first === 'scores' && part === 'score') return `${title}: give a score from 0 to 100.`;
  if (first === 'scores' && part === 'reasons' && issue.path.length > 3) return `${title}: a reason may have at most 2000 characters.`;
  if (first === 'scores' && part === 'reasons') return `${title}: give at least one reason (one per line).`;
  if (first === 'automated') return 'Tests counted: give a whole number of tests.';
  return issue.message;
}

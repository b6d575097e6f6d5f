// exam.yaml in the course format: each rule with the message and position it produces.
import { describe, expect, it } from 'vitest';
import { formatProblem, type BundleFiles } from './bundle-files';
import { loadBundle } from './course-bundle';
import { editBundle as edit } from '../testing/concept-course';
import { examCourse } from '../../exam/testing/exam-course';
import { tinyCourse } from '../testing/temp-course-service';

const problems = (files: BundleFiles) => loadBundle(files).problems.map(formatProblem);

describe('exam.yaml', () => {
  it('loads the fixture bank with its section sizes and defaults', () => {
    const { course, problems: found } = loadBundle(examCourse());
    expect(found).toEqual([]);
    expect(course!.exam!.items.map((item) => item.kind)).toContain('coding-challenge');
    expect(course!.exam!.sections.conceptual).toEqual({ questions: 3, minutes: 5 });
    expect(course!.exam!.passPercent).toBe(80);
    expect(course!.exam!.retakeCooldownHours).toBe(1);
  });

  it('a course without exam.yaml has no exam', () => {
    expect(loadBundle(tinyCourse()).course!.exam).toBeNull();
  });

  it('names an unknown concept at its line and column', () => {
    const files = edit(examCourse(), 'exam.yaml', 'concepts: [arithmetic]', 'concepts: [arithmetik]');
    expect(problems(files)).toEqual([expect.stringMatching(/^exam\.yaml:\d+:16: exam item "c-mid" names concept "arithmetik", which course\.yaml does not declare/)]);
  });

  it('refuses a duplicate id, a question with two right options and an unknown kind', () => {
    let files = edit(examCourse(), 'exam.yaml', 'id: c-easy-2', 'id: c-easy-1');
    expect(problems(files)).toEqual([expect.stringMatching(/^exam\.yaml:\d+:\d+: exam item id "c-easy-1" is used twice/)]);
    files = edit(examCourse(), 'exam.yaml', 'text: "wrong-c1", correct: false', 'text: "wrong-c1", correct: true');
    expect(problems(files).join('\n')).toMatch(/exam\.yaml:\d+:\d+: "items\.0\.options" an exam question needs exactly one correct option/);
    files = edit(examCourse(), 'exam.yaml', 'kind: design-question', 'kind: essay');
    expect(problems(files).join('\n')).toMatch(/exam\.yaml:\d+:\d+: "items\.\d+\.kind"/);
  });

  it('refuses a difficulty outside 1–3 and a code-analysis item without code', () => {
    let files = edit(examCourse(), 'exam.yaml', 'difficulty: 3', 'difficulty: 4');
    expect(problems(files).join('\n')).toMatch(/exam\.yaml:\d+:\d+: "items\.3\.difficulty"/);
    files = edit(examCourse(), 'exam.yaml', '    code: "print(1 + 1)"\n', '');
    expect(problems(files).join('\n')).toMatch(/"items\.4\.code"/);
  });

  it('checks a challenge exercise like any other', () => {
    const files = edit(examCourse(), 'exam.yaml', /exercise: exercises\/add\n {2}- id: ch-hard/, 'exercise: exercises/missing\n  - id: ch-hard');
    expect(problems(files)).toEqual([expect.stringMatching(/^exam\.yaml:\d+:15: exam item "ch-mid" names exercise folder "exercises\/missing", which has no exercise\.yaml/)]);
  });

  it('names what a bank too small for an attempt lacks', () => {
    const files = edit(examCourse(), 'exam.yaml', 'conceptual: { questions: 3', 'conceptual: { questions: 9');
    expect(problems(files)).toEqual([expect.stringMatching(/^exam\.yaml:8:3: the bank is too small for an attempt: it needs 9 "choice" items for the Conceptual section \(found 4\)/)]);
    const noHard = edit(examCourse(), 'exam.yaml', /difficulty: 3\n {4}concepts: \[functions\]\n {4}title/, 'difficulty: 2\n    concepts: [functions]\n    title');
    expect(problems(noHard)).toEqual([expect.stringContaining('it needs a "coding-challenge" of difficulty 3')]);
  });

  it('is allowed at the course root only', () => {
    const files = examCourse();
    files.set('lessons/exam.yaml', Buffer.from('items: []'));
    expect(problems(files).join('\n')).toMatch(/lessons\/exam\.yaml.*not allowed outside exercises/);
  });
});

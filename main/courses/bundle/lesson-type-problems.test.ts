// The lesson-type blocks (guided, codeAlong, challenge, reflection, checks): each rule with the
// message and position it reports.
import { describe, expect, it } from 'vitest';
import { formatProblem, type BundleFiles } from './bundle-files';
import { loadBundle } from './course-bundle';
import { tinyCourse } from '../testing/temp-course-service';

const practice = 'lessons/basics/add-numbers.md';
const concept = 'lessons/basics/welcome.md';

/** The fixture with extra front matter added after `anchor` of `file` (and the lesson's type changed when asked). */
function withFrontMatter(file: string, yaml: string, type?: string): BundleFiles {
  const files = tinyCourse();
  let text = files.get(file)!.toString('utf8');
  if (type) text = text.replace(/^type: .*$/m, `type: ${type}`);
  text = text.replace(/\n---\n/, `\n${yaml}\n---\n`);
  files.set(file, Buffer.from(text));
  return files;
}

const problems = (files: BundleFiles) => loadBundle(files).problems.map(formatProblem);

const guided = `guided:
  steps:
    - id: predict
      question: What does add(2, 3) give?
      kind: choice
      options: [{ text: "5", correct: true }, { text: "23", correct: false }]
      intent: Numbers add, strings join.
      followUp: Are 2 and 3 numbers or text here?
    - id: say-why
      question: Why?
      kind: free
      accept: [numbers]
      intent: The values are numbers.
      followUp: What type does type(2) print?
    - id: make-it
      question: Now make add work.
      kind: check
      tests: [test_add]
      intent: The function returns a + b.
      followUp: What does your function return right now?
  discovery: "+ adds numbers."`;

describe('lesson-type blocks', () => {
  it('accepts a guided lesson whose check step names a real test', () => {
    expect(problems(withFrontMatter(practice, guided, 'guided'))).toEqual([]);
  });

  it('reports a step naming a test the exercise does not have, at the name', () => {
    expect(problems(withFrontMatter(practice, guided.replace('[test_add]', '[test_missing]'), 'guided'))).toEqual([
      `${practice}:26:15: step "make-it" names test "test_missing", which is not a test in the exercise's tests/\n  fix: use the test name as the results report it (Python: the test function; JavaScript: the test title, "suite > test" inside describe)`,
    ]);
  });

  it('reports a duplicate step id', () => {
    expect(problems(withFrontMatter(practice, guided.replace('id: say-why', 'id: predict'), 'guided'))[0]).toMatch(new RegExp(`^${practice}:17:11: step id "predict" is used twice`));
  });

  it('needs each kind’s key, and refuses the keys of other kinds', () => {
    expect(problems(withFrontMatter(practice, guided.replace('      accept: [numbers]\n', ''), 'guided'))[0]).toMatch(/"guided\.steps\.1\.accept" a free step needs "accept:"/);
    expect(problems(withFrontMatter(practice, guided.replace('tests: [test_add]', 'tests: [test_add]\n      accept: [x]'), 'guided'))[0]).toMatch(/"accept:" belongs to free steps only \(this one is check\)/);
    expect(problems(withFrontMatter(practice, guided.replace('correct: false', 'correct: true'), 'guided'))[0]).toMatch(/exactly one correct option \(found 2\)/);
  });

  it('refuses a block on a lesson of another type, at the block', () => {
    expect(problems(withFrontMatter(practice, guided))).toEqual([
      `${practice}:10:3: "guided" "guided:" belongs to guided lessons only (this one is practice)\n  fix: see courses/FORMAT.md for this field`,
    ]);
    expect(problems(withFrontMatter(practice, 'challenge: { allowanceMinutes: 5 }'))[0]).toMatch(/"challenge:" belongs to challenge lessons only/);
  });

  it('accepts code-along steps, a challenge allowance, a reflection follow-up and concept checks', () => {
    const steps = 'codeAlong:\n  steps:\n    - { id: one, narration: Write the signature., tests: [test_add] }\n    - { id: two, narration: Return the sum., tests: [test_add] }';
    expect(problems(withFrontMatter(practice, steps, 'code-along'))).toEqual([]);
    expect(problems(withFrontMatter(practice, 'challenge: { allowanceMinutes: 5, hintXpCost: 5 }', 'challenge'))).toEqual([]);
    const checks = 'checks:\n  - id: c1\n    kind: single\n    prompt: Is x a name?\n    options: [{ text: "yes", correct: true, explanation: "It names a value." }, { text: "no", correct: false, explanation: "It does." }]';
    expect(problems(withFrontMatter(concept, checks))).toEqual([]);
    expect(problems(withFrontMatter(concept, 'reflection: { prompt: Why?, followUp: And then? }', 'reflection'))).toEqual([]);
  });

  it('accepts project milestones with tests or a checklist, and names a missing check or an unknown test', () => {
    const milestones = (first: string) =>
      `project:\n  milestones:\n    - { id: one, title: First, goal: Add., ${first}, rubric: [Clear names] }\n    - { id: two, title: Second, goal: Ship., checklist: [I ran it], rubric: [Tidy] }`;
    expect(problems(withFrontMatter(practice, milestones('tests: [test_add]'), 'project'))).toEqual([]);
    expect(problems(withFrontMatter(practice, milestones('checklist: [Works]'), 'project'))).toEqual([]);
    expect(problems(withFrontMatter(practice, milestones('tests: [test_nope]'), 'project'))[0]).toMatch(/step "one" names test "test_nope", which is not a test/);
    expect(problems(withFrontMatter(practice, milestones('rubric: [x]').replace(', rubric: [Clear names]', ''), 'project'))[0]).toMatch(/a milestone needs an acceptance check/);
    expect(problems(withFrontMatter(practice, milestones('tests: [test_add]')))[0]).toMatch(/"project:" belongs to project lessons only/);
  });

  it('wants at least two code-along steps', () => {
    expect(problems(withFrontMatter(practice, 'codeAlong:\n  steps:\n    - { id: one, narration: All of it., tests: [test_add] }', 'code-along'))[0]).toMatch(/"codeAlong\.steps" Too small/);
  });
});

// Test support: tiny-course with concepts and a small exam bank (4 conceptual, 2 code analysis,
// a challenge per difficulty on the course's own exercise, one design question), for the exam's
// unit, service and end-to-end tests. Section sizes are small so an attempt takes seconds.
import type { BundleFiles } from '../../courses/bundle/bundle-files';
import { conceptCourse } from '../../courses/testing/concept-course';

const choice = (id: string, difficulty: number, concept: string, right: string, wrong: string, kind = 'choice') => `  - id: ${id}
    kind: ${kind}
    difficulty: ${difficulty}
    concepts: [${concept}]
    prompt: "Question ${id}?"${kind === 'choice' ? '' : '\n    code: "print(1 + 1)"\n    language: python'}
    options:
      - { text: "${right}", correct: true, explanation: "Right." }
      - { text: "${wrong}", correct: false, explanation: "Wrong." }
`;

const challenge = (id: string, difficulty: number) => `  - id: ${id}
    kind: coding-challenge
    difficulty: ${difficulty}
    concepts: [functions]
    title: "Add two numbers (${id})"
    prompt: "Write add(a, b) in main.py."
    exercise: exercises/add
`;

/** exam.yaml of the fixture: every right option's text starts with "right-", every wrong one with "wrong-". */
export const tinyExamYaml = `retakeCooldownHours: 1
sections:
  conceptual: { questions: 3, minutes: 5 }
  codeAnalysis: { questions: 2, minutes: 5 }
  challenges: { minutes: 10 }
  design: { minutes: 5 }
items:
${choice('c-easy-1', 1, 'variables', 'right-c1', 'wrong-c1')}${choice('c-easy-2', 1, 'variables', 'right-c2', 'wrong-c2')}${choice('c-mid', 2, 'arithmetic', 'right-c3', 'wrong-c3')}${choice('c-hard', 3, 'functions', 'right-c4', 'wrong-c4')}${choice('p-one', 1, 'arithmetic', 'right-p1', 'wrong-p1', 'predict-output')}${choice('b-two', 2, 'functions', 'right-b2', 'wrong-b2', 'find-the-bug')}${challenge('ch-easy', 1)}${challenge('ch-mid', 2)}${challenge('ch-hard', 3)}  - id: design-adder
    kind: design-question
    difficulty: 2
    concepts: [functions]
    prompt: "Design a calculator module."
    followUps: ["How would you test it?"]
    rubric: ["Separates parsing from computing"]
`;

export function examCourse(): BundleFiles {
  const files = conceptCourse();
  files.set('exam.yaml', Buffer.from(tinyExamYaml));
  return files;
}

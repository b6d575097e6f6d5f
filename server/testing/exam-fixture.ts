// Test support: a registered course with a small Silver exam bank (3 Conceptual questions from 9,
// 2 Code analysis from 3, a challenge per difficulty, a design question; 5 minutes a section).
// Every right option's text starts with "right-", so a test can answer well or badly on purpose.

const choice = (id: string, difficulty: number, kind = 'choice') => ({
  id,
  kind,
  difficulty,
  concepts: ['basics'],
  prompt: `Question ${id}?`,
  ...(kind === 'choice' ? {} : { code: 'print(1 + 1)', language: 'python' }),
  options: [
    { text: `right-${id}`, correct: true, explanation: `Why ${id} is right.` },
    { text: `wrong-${id}-a`, correct: false, explanation: 'Not this.' },
    { text: `wrong-${id}-b`, correct: false, explanation: 'Nor this.' },
  ],
});

export const examBank = {
  passPercent: 80,
  retakeCooldownHours: 1,
  sections: { conceptual: { questions: 3, minutes: 5 }, codeAnalysis: { questions: 2, minutes: 5 }, challenges: { minutes: 5 }, design: { minutes: 5 } },
  items: [
    ...[1, 2, 3].flatMap((difficulty) => [1, 2, 3].map((n) => choice(`c${difficulty}-${n}`, difficulty))),
    ...[1, 2, 3].map((n) => choice(`ca-${n}`, 2, 'predict-output')),
    ...[1, 2, 3].map((difficulty) => ({
      id: `ch-${difficulty}`,
      kind: 'coding-challenge',
      difficulty,
      concepts: ['basics'],
      title: `Challenge ${difficulty}`,
      prompt: 'Write add(a, b).',
      exercise: `exercises/add-${difficulty}`,
    })),
    {
      id: 'design-1',
      kind: 'design-question',
      difficulty: 2,
      concepts: ['basics'],
      prompt: 'Design a to-do list.',
      followUps: ['How would you store it?'],
      rubric: ['SECRET-RUBRIC: names a data structure'],
    },
  ],
};

export const examCourse = {
  id: 'exam-course',
  version: '1.0.0',
  title: 'Exam Course',
  modules: [{ id: 'm', title: 'M', lessons: [{ id: 'hello', type: 'concept', title: 'Hello' }] }],
  exam: examBank,
};

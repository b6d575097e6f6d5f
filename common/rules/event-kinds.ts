// What a learner can do that the app records and the hosted API scores: one vocabulary for both.

export const learningEventKinds = [
  'lesson-completed',
  'quiz-passed',
  'check-passed',
  'challenge-completed',
  'module-completed',
  'course-completed',
  'hint-revealed',
  'certificate-earned',
] as const;
export type LearningEventKind = (typeof learningEventKinds)[number];

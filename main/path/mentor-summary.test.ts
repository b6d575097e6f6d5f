import { describe, expect, it } from 'vitest';
import type { LearningMetrics } from '../../preload/contract/progress-metrics';
import { noLearningMetricsYet } from '../../preload/contract/testing/learning-metrics';
import { mentorSummary } from './mentor-summary';

const concept = { courseId: 'py', conceptId: 'loops', title: 'Loops' };
const metrics: LearningMetrics = {
  learningVelocity: { modulesPerHour: 0.456, modulesCompleted: 3, activeSeconds: 23_000 },
  knowledgeRetention: { rate: 0.834, reviews: 12 },
  engagement: { score: 61, sessions: 4, activeSeconds: 5400, interactions: 80 },
  struggle: [{ ...concept, index: 3.2, attempts: 5, hints: 2, activeSeconds: 900 }],
  predictedCompletion: { courseId: 'py', courseTitle: 'Python', remainingLessons: 7, earliest: Date.UTC(2027, 0, 4), latest: Date.UTC(2027, 0, 20) },
  decayRisk: [{ ...concept, conceptId: 'f-strings', title: 'f-strings', risk: 0.4, daysSincePractice: 12.6, mastery: 0.7 }],
};
const nextUp = {
  kind: 'lesson' as const,
  reason: 'You struggled with Loops: try "Loops" first',
  courseId: 'py',
  courseTitle: 'Python',
  lessonId: 'loops',
  lessonTitle: 'Loops',
  why: 'weak-prerequisite' as const,
};

describe('what the Mentor is told', () => {
  it('says the weekly target, the place on the path, Next up with its reason and each metric', () => {
    expect(mentorSummary({ weeklyMinutes: 120, minutesThisWeek: 45.4, position: { courseTitle: 'Python', done: 5, total: 12 }, nextUp, metrics })).toEqual([
      'Weekly target: 120 minutes; 45 done this week',
      'Path: 5 of 12 lessons of Python done',
      'Next up: "Loops" (You struggled with Loops: try "Loops" first)',
      'Learning velocity: 0.46 modules per active hour (last 4 weeks)',
      'Knowledge retention: 83% of 12 reviews recalled',
      'Engagement: 61/100 (4 sessions in 7 days)',
      'Struggling with: Loops',
      'Predicted completion of Python: 2027-01-04 to 2027-01-20 (7 lessons left)',
      'At risk of fading: f-strings (13 days since practice)',
    ]);
  });

  it('says "not enough yet" rather than a number when a metric has none, and leaves out what is unknown', () => {
    const none = noLearningMetricsYet;
    const review = {
      kind: 'review' as const,
      reason: 'Loops is due for review',
      courseId: null,
      courseTitle: null,
      lessonId: null,
      lessonTitle: null,
      why: null,
    };
    expect(mentorSummary({ weeklyMinutes: 0, minutesThisWeek: 0, position: null, nextUp: review, metrics: none })).toEqual([
      'Next up: Loops is due for review',
      'Learning velocity: not enough yet',
      'Knowledge retention: no reviews yet',
      'Engagement: no sessions in the last 7 days',
      'Struggle: nothing stands out',
      'Predicted completion: not enough yet',
      'Skill decay risk: low',
    ]);
  });
});

// What the Mentor is told of the learner's path and metrics: a few short lines (the weekly
// target against this week, where they are on the path and why Next up is what it is, and the
// six learning metrics), so it can plan the next session with them. Pure; the figures come from
// main/path and main/learner/metrics-service.ts.
import type { NextUp } from '../../preload/contract/path';
import type { LearningMetrics } from '../../preload/contract/progress-metrics';

export interface MentorFacts {
  readonly weeklyMinutes: number;
  readonly minutesThisWeek: number;
  /** Lessons done (completed or tested out) of the course's lessons, when there is a course. */
  readonly position: { readonly courseTitle: string; readonly done: number; readonly total: number } | null;
  readonly nextUp: NextUp;
  readonly metrics: LearningMetrics;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const titles = (rows: readonly { title: string }[]) =>
  rows
    .slice(0, 3)
    .map((row) => row.title)
    .join(', ');

export function mentorSummary(facts: MentorFacts): string[] {
  const { metrics: m, nextUp, position } = facts;
  const next = nextUp.lessonTitle ? `"${nextUp.lessonTitle}" (${nextUp.reason})` : nextUp.reason;
  return [
    facts.weeklyMinutes > 0 ? `Weekly target: ${facts.weeklyMinutes} minutes; ${Math.round(facts.minutesThisWeek)} done this week` : '',
    position ? `Path: ${position.done} of ${position.total} lessons of ${position.courseTitle} done` : '',
    `Next up: ${next}`,
    m.learningVelocity
      ? `Learning velocity: ${m.learningVelocity.modulesPerHour.toFixed(2)} modules per active hour (last 4 weeks)`
      : 'Learning velocity: not enough yet',
    m.knowledgeRetention
      ? `Knowledge retention: ${percent(m.knowledgeRetention.rate)} of ${m.knowledgeRetention.reviews} reviews recalled`
      : 'Knowledge retention: no reviews yet',
    m.engagement ? `Engagement: ${m.engagement.score}/100 (${m.engagement.sessions} sessions in 7 days)` : 'Engagement: no sessions in the last 7 days',
    m.struggle.length ? `Struggling with: ${titles(m.struggle)}` : 'Struggle: nothing stands out',
    m.predictedCompletion
      ? `Predicted completion of ${m.predictedCompletion.courseTitle}: ${day(m.predictedCompletion.earliest)} to ${day(m.predictedCompletion.latest)} (${m.predictedCompletion.remainingLessons} lessons left)`
      : 'Predicted completion: not enough yet',
    m.decayRisk.length
      ? `At risk of fading: ${m.decayRisk
          .slice(0, 3)
          .map((row) => `${row.title} (${Math.round(row.daysSincePractice)} days since practice)`)
          .join(', ')}`
      : 'Skill decay risk: low',
  ].filter(Boolean);
}

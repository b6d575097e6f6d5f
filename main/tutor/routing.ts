// Which specialist answers, in which teaching mode, and whether the request is about learning at all.
import type { LessonType } from '../../preload/contract/courses';
import type { TutorAction, TutorAgent, TutorMode } from '../../preload/contract/tutor';

export type { LessonType };
export type LearnerLevel = 'new' | 'some' | 'experienced';
export type TeachingMode = Exclude<TutorMode, 'auto'>;

const actionAgents: Record<Exclude<TutorAction, 'ask'>, TutorAgent> = {
  hint: 'tutor',
  explain: 'tutor',
  analogy: 'tutor',
  example: 'tutor',
  'why-failed': 'tutor',
  review: 'code-reviewer',
  quiz: 'quiz-generator',
};

const textRoutes: { agent: TutorAgent; pattern: RegExp }[] = [
  { agent: 'quiz-generator', pattern: /\b(quiz me|test me|make (me )?(a )?quiz|practice questions?)\b/i },
  { agent: 'code-reviewer', pattern: /\b(review|critique|feedback on) (my|this) (code|solution|function|program)\b|\bcode review\b/i },
  { agent: 'assessor', pattern: /\b(do i (really )?understand|check my understanding|am i right (that|about)|ask me a question)\b/i },
  { agent: 'project-guide', pattern: /\b(milestones?|break (it|this|the project) down|project plan|where do i start (the|this) project)\b/i },
  {
    agent: 'mentor',
    pattern:
      /\b(motivat\w*|give up|giving up|frustrat\w*|overwhelm\w*|study plan|plan my (week|study|learning)|reflect\w*|burn(ed|t)? out|too hard for me|feel stupid)\b/i,
  },
];

// Sandbox practice's default is the Code Reviewer (design §6.3): the learner's own code is the subject there.
const lessonAgents: Partial<Record<LessonType, TutorAgent>> = {
  practice: 'code-reviewer',
  project: 'project-guide',
  quiz: 'assessor',
  reflection: 'mentor',
};

/** In a challenge, the Assessor; elsewhere the request's explicit action decides first, then what the learner wrote, then the lesson type. */
export function routeAgent(request: { action: TutorAction; text: string; lessonType: LessonType | null }): TutorAgent {
  // A challenge gets minimal help: only the Assessor answers there, whatever was asked (hints come from the lesson, at a cost).
  if (request.lessonType === 'challenge') return 'assessor';
  if (request.action !== 'ask') return actionAgents[request.action];
  for (const route of textRoutes) if (route.pattern.test(request.text)) return route.agent;
  return (request.lessonType && lessonAgents[request.lessonType]) ?? 'tutor';
}

/**
 * The mode follows the lesson type and the learner's level unless the learner chose one:
 * new learners get scaffolding, graded work gets Socratic questions, reading gets adaptive explanation.
 */
export function chooseMode(lessonType: LessonType | null, level: LearnerLevel, chosen: TutorMode): TeachingMode {
  if (chosen !== 'auto') return chosen;
  if (lessonType === 'challenge') return 'socratic';
  if (level === 'new') return 'scaffolded';
  if (lessonType === 'practice') return 'socratic';
  if (lessonType === 'guided' || lessonType === 'code-along') return level === 'experienced' ? 'socratic' : 'scaffolded';
  return 'adaptive';
}

const learningWords =
  /\b(code|program\w*|python|javascript|js|function|variable|loop|list|array|string|error|bug|exception|test|lesson|exercise|hint|explain|example|syntax|class|object|return|print|debug|compile|run|algorithm|data|type|learn\w*|study|understand|quiz|project|why|how)\b/i;
const offTopic =
  /\b(weather|recipe|cook\w*|horoscope|lottery|stock (tip|price)s?|bet(ting)?|dating|girlfriend|boyfriend|celebrity|gossip|movie|song lyrics|sports? scores?|write (me )?(an? )?(essay|poem|cover letter)|homework for (another|my other) class|politic\w*|election)\b/i;

/** True when the request is plainly not about learning to code; the tutor declines kindly. */
export function isOffTopic(text: string): boolean {
  return offTopic.test(text) && !learningWords.test(text.replace(offTopic, ''));
}

export const offTopicReply =
  "That one's outside what I can help with here — I'm your coding tutor, so I'll stay with this lesson. " +
  'Is there a part of the exercise or an idea from the lesson you would like to think through together?';

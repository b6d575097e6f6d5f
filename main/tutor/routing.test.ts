import { describe, expect, it } from 'vitest';
import { chooseMode, isOffTopic, routeAgent } from './routing';

describe('routing', () => {
  it.each([
    ['hint', '', 'practice', 'tutor'],
    ['review', '', 'practice', 'code-reviewer'],
    ['quiz', '', 'concept', 'quiz-generator'],
    ['why-failed', '', 'challenge', 'assessor'],
    ['review', '', 'challenge', 'assessor'],
    ['ask', 'Can you review my code?', 'challenge', 'assessor'],
    ['analogy', '', 'concept', 'tutor'],
    ['example', '', 'concept', 'tutor'],
    ['ask', 'Can you review my code?', 'practice', 'code-reviewer'],
    ['ask', 'quiz me on loops', 'concept', 'quiz-generator'],
    ['ask', 'I want to give up, this is too hard for me', 'practice', 'mentor'],
    ['ask', 'Do I understand recursion correctly?', 'concept', 'assessor'],
    ['ask', 'Help me break the project down into milestones', 'concept', 'project-guide'],
    ['ask', 'Where should I begin?', 'project', 'project-guide'],
    ['ask', 'What is a list?', 'quiz', 'assessor'],
    ['ask', 'What did I learn?', 'reflection', 'mentor'],
    ['ask', 'What is a list?', 'concept', 'tutor'],
    ['ask', 'What is a list?', null, 'tutor'],
    ['ask', 'Why does my loop stop after one turn?', 'practice', 'code-reviewer'],
  ] as const)('%s "%s" in a %s lesson goes to %s', (action, text, lessonType, agent) => {
    expect(routeAgent({ action, text, lessonType })).toBe(agent);
  });

  it('follows the lesson type and level unless the learner chose a mode', () => {
    expect(chooseMode('challenge', 'new', 'auto')).toBe('socratic');
    expect(chooseMode('practice', 'new', 'auto')).toBe('scaffolded');
    expect(chooseMode('practice', 'some', 'auto')).toBe('socratic');
    expect(chooseMode('guided', 'experienced', 'auto')).toBe('socratic');
    expect(chooseMode('code-along', 'some', 'auto')).toBe('scaffolded');
    expect(chooseMode('concept', 'some', 'auto')).toBe('adaptive');
    expect(chooseMode('challenge', 'new', 'adaptive')).toBe('adaptive');
  });

  it('declines plainly unrelated requests, not coding questions that mention them', () => {
    expect(isOffTopic("What's the weather in Pune tomorrow?")).toBe(true);
    expect(isOffTopic('Write me an essay about the election')).toBe(true);
    expect(isOffTopic('How do I parse weather data from a JSON string in Python?')).toBe(false);
    expect(isOffTopic('Why does my loop stop early?')).toBe(false);
  });
});

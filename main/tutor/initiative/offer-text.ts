// What a proactive offer says, from the lesson's own material so it works without a provider:
// the failing test's name, the lesson's objectives. Pure. Praise is left out under the
// minimal gamification mode (the offer to move on stays).
import type { Offer } from './trigger-rules';

export interface OfferLesson {
  readonly title: string;
  readonly objectives: readonly string[];
}

function firstLower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}

export function offerText(offer: Offer, lesson: OfferLesson | null): string {
  switch (offer.pattern) {
    case 'simpler-explanation':
      return 'This one seems to be holding you up. Would a simpler explanation of the idea help? Press **Explain it more simply**, or take the next hint from the lesson.';
    case 'socratic':
      return `Your last Check failed on \`${offer.failingTest ?? 'a test'}\`. What does that test expect your code to give back, and what does your code give it now?`;
    case 'praise':
      return `${offer.praise ? 'Well done: that worked. ' : ''}Ready to move on? **Continue** opens the next lesson.`;
    case 'harder':
      return `${offer.praise ? 'You are getting these right quickly. ' : ''}Want something harder? **Quiz me** asks you questions on this lesson that go a step further.`;
    case 'check-in': {
      const objective = lesson?.objectives[0];
      return objective
        ? `A quick check-in: in your own words, how would you ${firstLower(objective)}?`
        : `A quick check-in: in one sentence, what is the key idea of ${lesson ? `"${lesson.title}"` : 'this lesson'} so far?`;
    }
  }
}

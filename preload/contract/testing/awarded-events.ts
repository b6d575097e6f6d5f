// An awarded event for renderer tests: nothing earned unless the test says so.
import type { AwardedEvent } from '../progress';

export const awardedEvent = (over: Partial<AwardedEvent>): AwardedEvent => ({
  kind: 'lesson-completed',
  awarded: [],
  achievements: [],
  levelBefore: 1,
  levelAfter: 1,
  totalXp: 0,
  ...over,
});

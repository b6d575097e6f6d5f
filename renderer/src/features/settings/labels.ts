// Settings in the learner's words: every stored value that the app shows has a label here, so
// no screen prints "full" or "socratic".
import type { Profile } from '../../../../preload/contract/profile';
import type { TutorSettings } from '../../../../preload/contract/tutor';

export interface ChoiceLabel {
  readonly label: string;
  readonly description: string;
}

export const gamificationModeLabels: Readonly<Record<Profile['gamificationMode'], ChoiceLabel>> = {
  full: { label: 'Full', description: 'XP, levels, streaks, badges, sounds and animations' },
  moderate: { label: 'Moderate', description: 'Everything but sounds and animations' },
  minimal: { label: 'Minimal', description: 'Levels, streaks and badges only' },
  off: { label: 'Off', description: 'No game elements; progress is still tracked' },
};

export const tutorModeLabels: Readonly<Record<TutorSettings['mode'], ChoiceLabel>> = {
  auto: { label: 'Follow the lesson and my level', description: 'The tutor picks the style that fits' },
  socratic: { label: 'Ask me questions (Socratic)', description: 'Questions that lead you to the answer' },
  adaptive: { label: 'Adapt to how I am doing', description: 'More help when you are stuck, less when you are not' },
  scaffolded: { label: 'Step by step (scaffolded)', description: 'Small steps, each built on the last' },
};

export const tutorInitiativeLabels: Readonly<Record<TutorSettings['initiative'], ChoiceLabel>> = {
  more: { label: 'More', description: 'Offers help sooner and checks in more often' },
  normal: { label: 'Normal', description: 'Offers help when you seem stuck, praise when it works' },
  off: { label: 'Off', description: 'The tutor speaks only when you ask' },
};

/** A choice as the learner reads it in a list: its label and what it means. */
export const optionText = (choice: ChoiceLabel) => `${choice.label} — ${choice.description}`;

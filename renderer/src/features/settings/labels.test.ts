import { describe, expect, it } from 'vitest';
import { gamificationModes } from '../../../../preload/contract/profile';
import { tutorModes } from '../../../../preload/contract/tutor';
import { gamificationModeLabels, optionText, tutorModeLabels } from './labels';

describe('setting labels', () => {
  it('give every stored value a label in words, never the value itself', () => {
    for (const [values, labels] of [
      [gamificationModes, gamificationModeLabels],
      [tutorModes, tutorModeLabels],
    ] as const) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) {
        const choice = (labels as Record<string, { label: string; description: string }>)[value]!;
        expect(choice.label).not.toBe(value);
        expect(choice.description.length).toBeGreaterThan(10);
      }
    }
  });

  it('reads as label and meaning in a list', () => {
    expect(optionText(gamificationModeLabels.full)).toBe('Full — XP, levels, streaks, badges, sounds and animations');
    expect(optionText(tutorModeLabels.socratic)).toMatch(/^Ask me questions/);
  });
});

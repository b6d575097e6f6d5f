import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AA_TEXT, accentPalette, accentSurfaces, contrast, luminance } from './accent';

const hexColour = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

describe('accent colour contrast', () => {
  it('computes WCAG luminance and contrast (black on white is 21:1)', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('keeps a colour that already passes, and says nothing was adjusted', () => {
    const palette = accentPalette('#1d4ed8');
    expect(palette.light.accent).toBe('#1d4ed8');
    expect(palette.light.accentFg).toBe('#1d4ed8');
    expect(palette.dark.accent).toBe('#1d4ed8');
    // Dark panels need a lighter shade of the same blue for text.
    expect(palette.dark.accentFg).not.toBe('#1d4ed8');
    expect(palette.adjusted).toBe(true);
  });

  it('adjusts a pale yellow that fails under white text and on white panels', () => {
    const palette = accentPalette('#FFE066');
    expect(contrast('#ffffff', '#ffe066')).toBeLessThan(AA_TEXT);
    expect(palette.requested).toBe('#ffe066');
    expect(palette.adjusted).toBe(true);
    expect(contrast(palette.light.accentText, palette.light.accent)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(palette.dark.accentFg).toBe('#ffe066'); // already readable on the dark panels
  });

  it('every colour yields tokens that meet AA on every surface of both themes', () => {
    fc.assert(
      fc.property(hexColour, (hex) => {
        const palette = accentPalette(hex);
        for (const theme of ['dark', 'light'] as const) {
          const tokens = palette[theme];
          const { surfaces, text } = accentSurfaces[theme];
          expect(contrast(tokens.accentText, tokens.accent)).toBeGreaterThanOrEqual(AA_TEXT);
          for (const surface of surfaces) expect(contrast(tokens.accentFg, surface)).toBeGreaterThanOrEqual(AA_TEXT);
          expect(contrast(text, tokens.accentSubtle)).toBeGreaterThanOrEqual(AA_TEXT);
        }
      }),
      { numRuns: 500 },
    );
  });
});

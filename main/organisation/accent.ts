// An organisation's accent colour as the app's CSS variables, per theme, each meeting WCAG 2.x AA
// (4.5:1) where it carries text: a colour that fails is darkened or lightened until it passes,
// and the result says so. Pure; the themes' surfaces are copied from renderer/src/styles/tokens.css.
import type { AccentTokens } from '../../preload/contract/organisation';

type Rgb = readonly [number, number, number];

export const AA_TEXT = 4.5;

/** The surfaces text in the accent colour sits on, and the text that sits on the accent-subtle fill. */
const themes = {
  dark: { surfaces: ['#1e1f22', '#2b2d30', '#18191b', '#2f3136'], bg: '#1e1f22', text: '#dfe1e5', towards: '#ffffff', subtle: 0.3 },
  light: { surfaces: ['#ffffff', '#f4f5f7', '#eceef1', '#f2f4f7'], bg: '#ffffff', text: '#1f2328', towards: '#000000', subtle: 0.14 },
} as const;

const parse = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
const format = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
const mix = (a: Rgb, b: Rgb, weightOfA: number): Rgb => a.map((c, i) => c * weightOfA + b[i]! * (1 - weightOfA)) as unknown as Rgb;

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = parse(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour, moved towards `towards` in 1 % steps until it contrasts 4.5:1 with every one of `against`. */
function until(hex: string, towards: string, against: readonly string[]): string {
  const [from, to] = [parse(hex), parse(towards)];
  for (let step = 0; step <= 100; step++) {
    const candidate = format(mix(to, from, step / 100));
    if (against.every((surface) => contrast(candidate, surface) >= AA_TEXT)) return candidate;
  }
  return towards;
}

export interface AccentPalette {
  readonly requested: string;
  readonly dark: AccentTokens;
  readonly light: AccentTokens;
  readonly adjusted: boolean;
}

export function accentPalette(requested: string): AccentPalette {
  const hex = requested.toLowerCase();
  const tokens = (theme: (typeof themes)['dark' | 'light']): AccentTokens => {
    // A fill under white text (buttons, badges): darkened when white would not read on it.
    const accent = until(hex, '#000000', ['#ffffff']);
    // Text and focus rings in the accent colour on the theme's panels.
    const accentFg = until(hex, theme.towards, theme.surfaces);
    let weight: number = theme.subtle;
    let accentSubtle = format(mix(parse(hex), parse(theme.bg), weight));
    while (contrast(theme.text, accentSubtle) < AA_TEXT && weight > 0) {
      weight = Math.max(0, weight - 0.02);
      accentSubtle = format(mix(parse(hex), parse(theme.bg), weight));
    }
    return { accent, accentFg, accentText: '#ffffff', accentSubtle };
  };
  const dark = tokens(themes.dark);
  const light = tokens(themes.light);
  return { requested: hex, dark, light, adjusted: [dark.accent, dark.accentFg, light.accent, light.accentFg].some((c) => c !== hex) };
}

/** The surfaces each theme's tokens are checked against (for tests). */
export const accentSurfaces = themes;

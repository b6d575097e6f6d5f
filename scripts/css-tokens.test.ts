import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every `var(--name)` the renderer uses must be defined somewhere, or the fallback (or nothing)
// silently wins and the themes stop applying. Monaco and xterm keep their own variables in their
// packages' CSS under node_modules, which is not scanned, so nothing of theirs needs excluding.
// Lives in scripts/ because the renderer's lint rules forbid node:fs.

interface Source {
  file: string;
  text: string;
}

const USE = /var\(\s*(--[\w-]+)/g;
const CSS_DEFINITION = /(--[\w-]+)\s*:/g;
// Set at run time: `el.style.setProperty('--x', ...)` or an inline style object `{ '--x': ... }`.
const RUNTIME_DEFINITION = [/setProperty\(\s*['"`](--[\w-]+)['"`]/g, /['"](--[\w-]+)['"]\s*:/g];

/** The custom properties used by `sources` that none of them defines, each with the first file using it. */
export function undefinedCustomProperties(sources: Source[]): { name: string; file: string }[] {
  const defined = new Set<string>();
  for (const { file, text } of sources) {
    const patterns = file.endsWith('.css') ? [CSS_DEFINITION] : RUNTIME_DEFINITION;
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) defined.add(match[1]!);
  }
  const missing = new Map<string, string>();
  for (const { file, text } of sources) {
    for (const match of text.matchAll(USE)) {
      const name = match[1]!;
      if (!defined.has(name) && !missing.has(name)) missing.set(name, file);
    }
  }
  return [...missing].map(([name, file]) => ({ name, file }));
}

function rendererSources(dir: string): Source[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    if (!entry.isFile() || !/\.(css|tsx?)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    const file = path.join(entry.parentPath, entry.name);
    return [{ file: path.relative(process.cwd(), file), text: fs.readFileSync(file, 'utf8') }];
  });
}

/** The `--name: value` pairs of the first rule in tokens.css whose selector list includes `selector`. */
function themeTokens(css: string, selector: string): Map<string, string> {
  const block = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].find((rule) => rule[1]!.split(',').some((part) => part.trim() === selector));
  if (!block) throw new Error(`tokens.css has no rule for ${selector}`);
  return new Map([...block[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

function luminance(hex: string): number {
  const channels = hex
    .replace('#', '')
    .match(/../g)!
    .map((c) => parseInt(c, 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('CSS custom properties', () => {
  it('names a var() used without a definition, and accepts one defined in CSS or at run time', () => {
    const sources = [
      { file: 'a.css', text: ':root { --defined: 1px; }\n.x { margin: var(--defined); color: var(--missing, red); }' },
      { file: 'b.tsx', text: "el.style.setProperty('--set', '1'); <div style={{ '--inline': 2 }} className='var(--also-missing)' />" },
      { file: 'c.css', text: '.y { width: var(--set); height: var(--inline); }' },
    ];
    expect(undefinedCustomProperties(sources)).toEqual([
      { name: '--missing', file: 'a.css' },
      { name: '--also-missing', file: 'b.tsx' },
    ]);
  });

  it('are all defined across renderer/src', () => {
    const sources = rendererSources(path.join(process.cwd(), 'renderer/src'));
    expect(sources.some((source) => source.file.endsWith('tokens.css'))).toBe(true);
    expect(undefinedCustomProperties(sources)).toEqual([]);
  });

  it('keep text readable (>= 4.5:1) on the surface tokens in both themes', () => {
    const css = fs.readFileSync(path.join(process.cwd(), 'renderer/src/styles/tokens.css'), 'utf8');
    for (const selector of ["[data-theme='dark']", "[data-theme='light']"]) {
      const tokens = themeTokens(css, selector);
      for (const background of ['--bg', '--bg-raised', '--code-bg', '--surface-2', '--accent-subtle']) {
        for (const text of ['--text', '--text-muted']) {
          const ratio = contrast(tokens.get(text)!, tokens.get(background)!);
          expect(ratio, `${selector} ${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it('keep the focus ring visible (>= 3:1, WCAG non-text contrast) in both themes, on blue buttons too', () => {
    const css = fs.readFileSync(path.join(process.cwd(), 'renderer/src/styles/tokens.css'), 'utf8');
    for (const selector of ["[data-theme='dark']", "[data-theme='light']"]) {
      const tokens = themeTokens(css, selector);
      // The outline sits outside the control, on the surface around it.
      for (const background of ['--bg', '--bg-raised', '--bg-sunken', '--code-bg', '--surface-2', '--accent-subtle'])
        expect(contrast(tokens.get('--focus')!, tokens.get(background)!), `${selector} --focus on ${background}`).toBeGreaterThanOrEqual(3);
      // A primary (blue) button adds an inner ring in its text colour (shell.css).
      expect(contrast(tokens.get('--accent-text')!, tokens.get('--accent')!), `${selector} inner ring on --accent`).toBeGreaterThanOrEqual(3);
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withSystemTheme } from './theme-tokens';

const tokens = fs.readFileSync(path.join(process.cwd(), 'renderer', 'src', 'styles', 'tokens.css'), 'utf8');

describe('withSystemTheme', () => {
  it("applies the light theme's own values to a page with no theme chosen when the system is light", () => {
    const css = withSystemTheme(tokens);
    expect(css.startsWith(tokens)).toBe(true);
    const added = /@media \(prefers-color-scheme: light\) \{\s*:root:not\(\[data-theme\]\) \{([^}]*)\}/.exec(css);
    expect(added).not.toBeNull();
    const lightBlock = /\[data-theme='light'\]\s*\{([^}]*)\}/.exec(tokens)![1];
    expect(added![1]).toBe(lightBlock);
    expect(added![1]).toContain('color-scheme: light');
    expect(added![1]).toContain('--bg: #ffffff');
  });

  it('leaves tokens without a light theme as they are', () => {
    expect(withSystemTheme(':root { --bg: #000; }')).toBe(':root { --bg: #000; }');
  });
});

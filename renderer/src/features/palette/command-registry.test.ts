import { describe, expect, it } from 'vitest';
import { formatShortcut } from './command-registry';

describe('formatShortcut', () => {
  it('names keys as the keyboard does on Windows and Linux', () => {
    expect(formatShortcut('Alt+ArrowRight', false)).toBe('Alt+→');
    expect(formatShortcut('Alt+ArrowLeft', false)).toBe('Alt+←');
    expect(formatShortcut('Mod+Shift+P', false)).toBe('Ctrl+Shift+P');
    expect(formatShortcut('Mod+Shift+Enter', false)).toBe('Ctrl+Shift+Enter');
    expect(formatShortcut('Mod+`', false)).toBe('Ctrl+`');
    expect(formatShortcut('Escape', false)).toBe('Esc');
    expect(formatShortcut('Mod+b', false)).toBe('Ctrl+B');
  });

  it('uses the macOS symbols, run together', () => {
    expect(formatShortcut('Mod+Shift+P', true)).toBe('⌘⇧P');
    expect(formatShortcut('Alt+ArrowRight', true)).toBe('⌥→');
    expect(formatShortcut('Mod+Enter', true)).toBe('⌘↩');
  });
});

import { describe, expect, it } from 'vitest';
import { tabKeyHint } from './tab-key';

describe('tabKeyHint', () => {
  it('names the way out of the editor while it has the focus, and the mode while it is on', () => {
    const cases = [
      [{ editorFocused: false, tabMovesFocus: false }, false, null],
      [{ editorFocused: true, tabMovesFocus: false }, false, 'Tab indents · Ctrl+M: Tab moves focus'],
      [{ editorFocused: false, tabMovesFocus: true }, false, 'Tab moves focus · Ctrl+M: Tab indents'],
      [{ editorFocused: true, tabMovesFocus: true }, false, 'Tab moves focus · Ctrl+M: Tab indents'],
      [{ editorFocused: true, tabMovesFocus: false }, true, 'Tab indents · ⌃⇧M: Tab moves focus'],
      [{ editorFocused: false, tabMovesFocus: true }, true, 'Tab moves focus · ⌃⇧M: Tab indents'],
    ] as const;
    for (const [state, mac, hint] of cases) expect(tabKeyHint(state, mac)).toBe(hint);
  });
});

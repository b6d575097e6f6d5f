// What Tab does in the code editor, said in the status bar as VS Code does: in an editor Tab
// indents (Monaco's rule), so a keyboard user needs to know the way out, Ctrl+M (⌃⇧M on macOS),
// which makes Tab move the focus until it is pressed again. The editor reports its focus and the
// mode here; this module stays free of Monaco so the status bar loads without it.
import { create } from 'zustand';

export interface TabKeyState {
  /** The code editor's text has the focus. */
  readonly editorFocused: boolean;
  /** Monaco's "Tab moves focus" mode (one switch for the whole page). */
  readonly tabMovesFocus: boolean;
}

export const useTabKey = create<TabKeyState>(() => ({ editorFocused: false, tabMovesFocus: false }));

/** The key that switches the mode, as Monaco binds it. */
export const toggleKey = (mac: boolean) => (mac ? '⌃⇧M' : 'Ctrl+M');

/** The status bar's words, or null when there is nothing to say (no editor focused, Tab as usual). Pure. */
export function tabKeyHint({ editorFocused, tabMovesFocus }: TabKeyState, mac: boolean): string | null {
  if (tabMovesFocus) return `Tab moves focus · ${toggleKey(mac)}: Tab indents`;
  return editorFocused ? `Tab indents · ${toggleKey(mac)}: Tab moves focus` : null;
}

// Which keys the terminal keeps for the shell and which go to the app, as a pure function.
// - Escape leaves the terminal (focus goes to its tab) at the shell prompt; a full-screen program
//   (vim, less: the alternate screen) gets it, as it needs it. Ctrl+` always leaves.
// - Tab stays with the shell (completion): Escape and Ctrl+` are the way out, so nothing traps.
// - The panel shortcuts skip the shell as in VS Code (commandsToSkipShell): Ctrl+B (side panel),
//   Ctrl+J (bottom panel), Ctrl+Shift+P (commands). Readline's Ctrl+B (back one character) and
//   Ctrl+J (newline) have the Left arrow and Enter; everything else goes to the shell.
// - Ctrl+Shift+C / Ctrl+Shift+V (Cmd+C / Cmd+V on macOS) copy and paste.

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

export type TerminalKeyAction = 'shell' | 'app' | 'leave' | 'copy' | 'paste';

export function terminalKeyAction(event: KeyPress, context: { mac: boolean; alternateScreen: boolean; hasSelection: boolean }): TerminalKeyAction {
  const mod = context.mac ? event.metaKey : event.ctrlKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const clipboard = (event.ctrlKey && event.shiftKey) || (context.mac && event.metaKey);
  if (clipboard && key === 'c' && context.hasSelection) return 'copy';
  if (clipboard && key === 'v') return 'paste';
  if (mod && !event.altKey && key === '`') return 'leave';
  if (key === 'Escape' && !mod && !event.shiftKey && !event.altKey) return context.alternateScreen ? 'shell' : 'leave';
  if (mod && !event.altKey && !event.shiftKey && (key === 'b' || key === 'j')) return 'app';
  if (mod && !event.altKey && event.shiftKey && key === 'p') return 'app';
  return 'shell';
}

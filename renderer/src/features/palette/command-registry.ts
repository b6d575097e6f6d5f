import { useEffect } from 'react';
import { create } from 'zustand';

export interface AppCommand {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  /** e.g. "Mod+Shift+P": Mod is Cmd on macOS and Ctrl elsewhere. */
  readonly shortcut?: string;
  run(): void;
}

interface CommandRegistry {
  commands: Map<string, AppCommand>;
  register(commands: readonly AppCommand[]): () => void;
}

export const useCommandRegistry = create<CommandRegistry>((set, get) => ({
  commands: new Map(),
  register(commands) {
    const next = new Map(get().commands);
    for (const command of commands) next.set(command.id, command);
    set({ commands: next });
    return () => {
      const after = new Map(get().commands);
      for (const command of commands) if (after.get(command.id) === command) after.delete(command.id);
      set({ commands: after });
    };
  },
}));

/** Features call this to put their actions in the command palette and bind their shortcuts. */
export function useRegisterCommands(commands: readonly AppCommand[]): void {
  const register = useCommandRegistry((state) => state.register);
  useEffect(() => register(commands), [register, commands]);
}

export const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** Key names as a keyboard shows them ("Alt+→", not "Alt+ArrowRight"). */
const keyNames: Readonly<Record<string, string>> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  Delete: 'Del',
  ' ': 'Space',
};
const macNames: Readonly<Record<string, string>> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Enter: '↩' };

/** A shortcut such as "Mod+Shift+P" as the learner's keyboard names it: "Ctrl+Shift+P", or "⌘⇧P" on macOS. */
export function formatShortcut(shortcut: string, mac = isMac()): string {
  return shortcut
    .split(/\+(?!$)/)
    .map((key) => (mac ? macNames[key] : undefined) ?? (key === 'Mod' ? 'Ctrl' : (keyNames[key] ?? (key.length === 1 ? key.toUpperCase() : key))))
    .join(mac ? '' : '+');
}

/** True when a keydown matches a shortcut such as "Mod+Shift+P" exactly. */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1]!.toLowerCase();
  const mod = isMac() ? event.metaKey : event.ctrlKey;
  const wants = (name: string) => parts.includes(name);
  const pressed = event.key.length === 1 ? event.key.toLowerCase() : event.key.toLowerCase();
  return pressed === key && mod === wants('Mod') && event.shiftKey === wants('Shift') && event.altKey === wants('Alt');
}

/** One keydown listener for every registered shortcut. */
export function useGlobalShortcuts(): void {
  const commands = useCommandRegistry((state) => state.commands);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      for (const command of commands.values()) {
        if (command.shortcut && matchesShortcut(event, command.shortcut)) {
          event.preventDefault();
          command.run();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);
}

// The open terminal tabs. A tab's pty lives in main; its xterm lives here, outside React, so
// switching bottom-panel tabs does not lose the screen.
import { create } from 'zustand';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useWorkspaceStore } from '../lesson/workspace-store';
import { messageOf } from '../../../../preload/contract';

export interface TerminalTab {
  readonly id: string;
  readonly title: string;
  readonly cwd: string;
  exited: boolean;
}

interface TerminalState {
  tabs: TerminalTab[];
  active: string | null;
  creating: boolean;
  create(size: { cols: number; rows: number }): Promise<string | null>;
  close(id: string): Promise<void>;
  select(id: string): void;
  markExited(id: string): void;
}

let counter = 0;

export const useTerminalStore = create<TerminalState>((set, get) => ({
  tabs: [],
  active: null,
  creating: false,

  async create(size) {
    if (get().creating) return null;
    set({ creating: true });
    try {
      const ref = useWorkspaceStore.getState().ref;
      const created = await client().call('terminal.create', { ...(ref ?? {}), ...size });
      counter += 1;
      const tab: TerminalTab = { id: created.id, title: `${created.shell.split('/').pop()} ${counter}`, cwd: created.cwd, exited: false };
      set((state) => ({ tabs: [...state.tabs, tab], active: tab.id }));
      return tab.id;
    } catch (error) {
      useAppStore.getState().appendOutput({ level: 'error', source: 'terminal', message: messageOf(error) });
      return null;
    } finally {
      set({ creating: false });
    }
  },

  async close(id) {
    const tab = get().tabs.find((entry) => entry.id === id);
    set((state) => {
      const tabs = state.tabs.filter((entry) => entry.id !== id);
      return { tabs, active: state.active === id ? (tabs.at(-1)?.id ?? null) : state.active };
    });
    if (tab && !tab.exited) {
      try {
        await client().call('terminal.kill', { id });
      } catch {
        // Already gone with its shell.
      }
    }
  },

  select: (id) => set({ active: id }),

  markExited: (id) => set((state) => ({ tabs: state.tabs.map((tab) => (tab.id === id ? { ...tab, exited: true } : tab)) })),
}));

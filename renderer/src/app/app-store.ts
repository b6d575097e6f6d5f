import { create } from 'zustand';
import type { CallInput } from '../../../preload/contract';
import type { AppStatus } from '../../../preload/contract/app';
import type { Layout, Profile, Settings } from '../../../preload/contract/profile';
import { client } from '../platform/client';
import type { ConnectionState } from '../platform/create-client';
import { messageOf } from '../../../preload/contract';

export interface OutputLine {
  readonly at: number;
  readonly level: 'info' | 'warn' | 'error';
  readonly source: string;
  readonly message: string;
}

interface AppState {
  status: AppStatus | null;
  profile: Profile | null;
  settings: Settings | null;
  connection: ConnectionState;
  loadError: string | null;
  output: OutputLine[];
  paletteOpen: boolean;
  load(): Promise<void>;
  setConnection(state: ConnectionState): void;
  completeFirstRun(input: CallInput<'profile.completeFirstRun'>): Promise<void>;
  updateProfile(patch: CallInput<'profile.update'>): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  updateLayout(patch: Partial<Layout>): Promise<void>;
  appendOutput(line: Omit<OutputLine, 'at'>): void;
  setPaletteOpen(open: boolean): void;
}

const OUTPUT_LIMIT = 2000;
/** Counts settings updates so only the newest one's answer replaces the optimistic state. */
let settingsUpdates = 0;

export const useAppStore = create<AppState>((set, get) => ({
  status: null,
  profile: null,
  settings: null,
  connection: 'connecting',
  loadError: null,
  output: [],
  paletteOpen: false,

  async load() {
    try {
      const status = await client().call('app.status', {});
      if (status.state === 'recovery' || status.state === 'pick-profile') {
        set({ status, loadError: null });
        return;
      }
      const [profile, settings] = await Promise.all([client().call('profile.get', {}), client().call('settings.get', {})]);
      set({ status, profile, settings, loadError: null });
    } catch (error) {
      set({ loadError: messageOf(error) });
    }
  },

  setConnection: (connection) => set({ connection }),

  async completeFirstRun(input) {
    set({ profile: await client().call('profile.completeFirstRun', input) });
  },

  async updateProfile(patch) {
    set({ profile: await client().call('profile.update', patch) });
  },

  async updateSettings(patch) {
    const before = get().settings;
    const update = ++settingsUpdates;
    if (before) set({ settings: { ...before, ...patch } }); // optimistic: the UI answers at once
    try {
      const saved = await client().call('settings.update', patch);
      // A later update's optimistic state must not be overwritten by this older answer (a bottom
      // tab flipping back unmounts its panel and loses what the learner typed); the last answer wins.
      if (update === settingsUpdates) set({ settings: saved });
    } catch (error) {
      if (update === settingsUpdates) set({ settings: before });
      get().appendOutput({ level: 'error', source: 'settings', message: messageOf(error) });
    }
  },

  async updateLayout(patch) {
    const settings = get().settings;
    if (!settings) return;
    await get().updateSettings({ layout: { ...settings.layout, ...patch } });
  },

  appendOutput(line) {
    set((state) => ({ output: [...state.output, { ...line, at: Date.now() }].slice(-OUTPUT_LIMIT) }));
  },

  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
}));

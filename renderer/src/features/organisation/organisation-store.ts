// The organisation whose profile this app applies (null: none), fetched once per window.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { LockableSetting, OrganisationView } from '../../../../preload/contract/organisation';
import { messageOf } from '../../../../preload/contract';
import { client } from '../../platform/client';
import { useAppStore } from '../../app/app-store';
import { useResolvedTheme } from '../../app/use-theme';

interface OrganisationState {
  view: OrganisationView | null;
  load(): Promise<void>;
}

export const useOrganisation = create<OrganisationState>((set) => ({
  view: null,
  async load() {
    try {
      set({ view: await client().call('organisation.get', {}) });
    } catch (error) {
      // The app works unbranded; the reason reaches the Output panel.
      useAppStore.getState().appendOutput({ level: 'warn', source: 'organisation', message: messageOf(error) });
    }
  },
}));

/** The organisation's name when it locks `setting`, else null. */
export function useLockedBy(setting: LockableSetting): string | null {
  return useOrganisation((state) => (state.view?.locked.includes(setting) ? state.view.name : null));
}

const ACCENT_VARS = { accent: '--accent', accentFg: '--accent-fg', accentText: '--accent-text', accentSubtle: '--accent-subtle' } as const;

/** Loads the organisation once the services run, and applies its accent (checked for contrast in main) and window title. */
export function useOrganisationBranding(): void {
  const ready = useAppStore((state) => state.settings !== null);
  const theme = useResolvedTheme(useAppStore((state) => state.settings?.theme ?? 'system'));
  const view = useOrganisation((state) => state.view);
  useEffect(() => {
    if (ready) void useOrganisation.getState().load();
  }, [ready]);
  useEffect(() => {
    document.title = view ? `${view.name} · Dronacharya` : 'Dronacharya';
    const style = document.documentElement.style;
    const tokens = view?.accent?.[theme];
    for (const [key, cssVar] of Object.entries(ACCENT_VARS)) {
      if (tokens) style.setProperty(cssVar, tokens[key as keyof typeof ACCENT_VARS]);
      else style.removeProperty(cssVar);
    }
    if (tokens) style.setProperty('--focus', tokens.accentFg);
    else style.removeProperty('--focus');
  }, [view, theme]);
}

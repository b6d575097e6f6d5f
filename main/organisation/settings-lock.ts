// Locked settings are refused at the contract (settings.update), whichever client calls, and the
// organisation's values for them are written at every start (org-runtime.ts) so an edited database cannot unlock them.
import { DronaError } from '../../preload/contract/errors';
import type { Settings } from '../../preload/contract/profile';
import type { Handler } from '../ipc/handlers';
import { lockedChanges, type OrgProfile } from './org-profile';

/** The settings the profile sets; only the tutor is a Settings value (the sync server is the sync service's). */
export function orgSettingsPreset(profile: OrgProfile, current: Settings): Partial<Settings> {
  const tutor = profile.tutor;
  if (!tutor) return {};
  const next = { ...current.tutor, provider: tutor.provider };
  if (tutor.dailyBudget !== undefined) next.dailyBudget = tutor.dailyBudget;
  if (tutor.provider === 'ollama') {
    if (tutor.baseUrl) next.ollamaHost = tutor.baseUrl;
    if (tutor.model) next.ollamaModel = tutor.model;
  } else if (tutor.provider === 'anthropic' && tutor.model) next.anthropicModel = tutor.model;
  return { tutor: next };
}

export function guardLockedSettings(update: Handler<'settings.update'>, current: () => Settings, profile: OrgProfile | null): Handler<'settings.update'> {
  if (!profile || profile.locked.length === 0) return update;
  return (input, ctx) => {
    const refused = lockedChanges(input, current(), profile.locked);
    if (refused.length) {
      throw new DronaError('locked', `${profile.name} manages ${refused.join(', ')} on this computer; ask them to change it.`, { locked: refused });
    }
    return update(input, ctx);
  };
}

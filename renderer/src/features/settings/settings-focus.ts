// "Set a sync server" elsewhere opens Settings at that field: the view asks for a field here, the
// section that owns it takes focus when it renders and clears the request.
import { create } from 'zustand';
import { useAppStore } from '../../app/app-store';

export type SettingsField = 'sync-server';

export const useSettingsFocus = create<{ field: SettingsField | null; clear(): void }>((set) => ({
  field: null,
  clear: () => set({ field: null }),
}));

/** Opens Settings with `field` focused and scrolled into view. */
export function openSettingsAt(field: SettingsField): void {
  useSettingsFocus.setState({ field });
  void useAppStore.getState().updateLayout({ activity: 'settings' });
}

import { useSyncExternalStore } from 'react';

const query = '(prefers-reduced-motion: reduce)';

/** The OS "reduce motion" setting, live. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', notify);
      return () => media.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}

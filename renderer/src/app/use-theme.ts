import { useEffect, useState } from 'react';
import type { Settings } from '../../../preload/contract/profile';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The theme actually shown: "system" follows the OS and changes with it. */
export function useResolvedTheme(theme: Settings['theme']): 'dark' | 'light' {
  const [systemDark, setSystemDark] = useState(() => darkQuery().matches);
  useEffect(() => {
    const query = darkQuery();
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}

export function useThemeAttribute(theme: Settings['theme']): void {
  const resolved = useResolvedTheme(theme);
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
}

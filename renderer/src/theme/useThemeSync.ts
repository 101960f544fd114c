import { useEffect } from 'react';
import { useAppStore } from '../store/appStore';
import { selectTheme } from '../store/selectors';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Follows the OS color scheme and applies the resolved theme to <html data-theme>. */
export function useThemeSync(): void {
  const setSystemDark = useAppStore((s) => s.setSystemDark);
  const theme = useAppStore(selectTheme);

  useEffect(() => {
    const mq = window.matchMedia(DARK_QUERY);
    setSystemDark(mq.matches);
    const onChange = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, [setSystemDark]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

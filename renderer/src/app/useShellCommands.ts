import { useEffect } from 'react';
import { onShellCommand } from '../api/shellCommands';
import { useAppStore } from '../store/appStore';

/** View ▸ Toggle Theme and the Language menu of the desktop app. */
export function useShellCommands(): void {
  useEffect(() => onShellCommand((c) => {
    const s = useAppStore.getState();
    if (c.kind === 'theme.toggle') s.toggleTheme();
    else s.setLanguage(c.language);
  }), []);
}

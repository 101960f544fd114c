import { useTranslation } from 'react-i18next';
import { useActivityStore } from '../store/activityStore';
import { useAppStore } from '../store/appStore';
import { useLiveStore } from '../store/liveStore';
import { selectTheme } from '../store/selectors';
import { IconButton } from '../ui/IconButton';
import { MoonIcon, SunIcon } from '../ui/icons';

/** Folder path, live indicator, theme and language switches, request progress. */
export function Toolbar() {
  const { t } = useTranslation();
  const target = useAppStore((s) => s.workspace?.target ?? null);
  const theme = useAppStore(selectTheme);
  const toggleTheme = useAppStore((s) => s.toggleTheme);
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const live = useLiveStore((s) => s.active);
  const busy = useActivityStore((s) => s.pending > 0);
  return (
    <header className="toolbar">
      <span className="brand">{t('app.title')}</span>
      {/* the marks keep the path's slashes in place inside the right-to-left (ellipsis-left) box */}
      {target && <span className="target" title={target}>{`\u200e${target}\u200e`}</span>}
      <span className="toolbar-spacer" />
      {live && <span className="live-dot" data-testid="live-indicator" title={t('toolbar.liveTitle')}>{t('toolbar.live')}</span>}
      <IconButton
        className="toolbar-btn"
        data-testid="toggle-theme"
        data-theme-current={theme}
        label={theme === 'dark' ? t('toolbar.themeLight') : t('toolbar.themeDark')}
        onClick={toggleTheme}
      >
        {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      </IconButton>
      <button
        type="button"
        className="text-btn toolbar-btn"
        data-testid="toggle-lang"
        data-lang-current={language}
        title={t('toolbar.languageTitle')}
        onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
      >
        {t('toolbar.language')}
      </button>
      <div className={`progress-line${busy ? ' busy' : ''}`} data-testid="activity" data-busy={busy} />
    </header>
  );
}

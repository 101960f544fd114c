import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartArea } from '../charts/ChartArea';
import { RunList } from '../runs/RunList';
import { useAppStore } from '../store/appStore';
import { useViewStore, type ViewKey } from '../store/viewStore';

/**
 * The open source — a local folder or a cloud project's chosen runs, alike: run list, chart
 * sections. The chart area's scroll position is kept per view, so switching back lands where
 * the user was.
 */
export function SourceView({ view }: { view: ViewKey }) {
  const { t } = useTranslation();
  const count = useAppStore((s) => s.workspace?.runs.length ?? 0);
  const area = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    const top = useViewStore.getState().scroll[view] ?? 0;
    if (top) {
      el.scrollTop = top;
      // charts mount lazily: once laid out the area may be tall enough only a frame later
      requestAnimationFrame(() => {
        if (el.scrollTop < top) el.scrollTop = top;
      });
    }
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => useViewStore.getState().setScroll(view, el.scrollTop));
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', onScroll);
    };
  }, [view]);

  return (
    <div className="workspace">
      <RunList />
      <main className="chart-area" ref={area}>
        {count === 0 ? <p className="no-runs">{t('empty.noRuns')}</p> : <ChartArea />}
      </main>
    </div>
  );
}

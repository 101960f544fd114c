import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { isAtEnd, rowWindow, scrollTopToReveal } from './virtualWindow';

export interface VirtualListProps {
  count: number;
  /** Every row is exactly this tall (CSS must agree). */
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  /** Keep the view on the last row as rows are added. */
  follow: boolean;
  /** Called after each scroll with whether the view is at the end. */
  onScrolled?: (atEnd: boolean) => void;
  /** Scroll this row into view; a new object each time (search result navigation). */
  reveal: { index: number } | null;
  className?: string;
  testId?: string;
}

const OVERSCAN = 20;

/** Renders only the rows in (and near) the viewport, so 100k rows cost what 60 do. */
export function VirtualList({ count, rowHeight, renderRow, follow, onScrolled, reveal, className, testId }: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current!;
    setViewportHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setViewportHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current!;
    if (follow) {
      el.scrollTop = el.scrollHeight;
      setScrollTop(el.scrollTop);
    }
  }, [follow, count, viewportHeight]);

  useEffect(() => {
    const el = ref.current!;
    if (!reveal) return;
    el.scrollTop = scrollTopToReveal(reveal.index, rowHeight, el.scrollTop, el.clientHeight);
    setScrollTop(el.scrollTop);
  }, [reveal, rowHeight]);

  const w = rowWindow({ scrollTop, viewportHeight, rowHeight, count, overscan: OVERSCAN });
  const rows: ReactNode[] = [];
  for (let i = w.start; i < w.end; i++) rows.push(renderRow(i));

  return (
    <div
      ref={ref}
      className={className}
      data-testid={testId}
      onScroll={(e) => {
        const el = e.currentTarget;
        // rendered within the scroll event, so the frame that shows the new position has its rows
        // (a scheduled render would paint one frame of empty space after a jump)
        flushSync(() => setScrollTop(el.scrollTop));
        onScrolled?.(isAtEnd(el.scrollTop, el.clientHeight, el.scrollHeight));
      }}
    >
      <div style={{ height: w.totalHeight, position: 'relative' }}>
        <div style={{ position: 'absolute', top: w.offsetTop, left: 0, minWidth: '100%' }}>{rows}</div>
      </div>
    </div>
  );
}

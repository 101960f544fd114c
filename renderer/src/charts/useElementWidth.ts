import { useEffect, useState, type RefObject } from 'react';

/** Relative change below which a resize does not ask for new data. */
const WIDTH_SLACK = 0.08;

/** The element's width in CSS pixels, updated when it changes by more than a few percent. */
export function useElementWidth(ref: RefObject<Element | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w < 10) return;
      setWidth((prev) => (prev !== null && Math.abs(w - prev) / prev < WIDTH_SLACK ? prev : w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

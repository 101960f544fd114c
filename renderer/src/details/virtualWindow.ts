/** Window math of a fixed-row-height virtual list: which rows to render for a scroll position. */

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Extra rows rendered above and below the viewport. */
  overscan: number;
}

export interface RowWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Offset of row `start` from the top of the content. */
  offsetTop: number;
  totalHeight: number;
}

export function rowWindow({ scrollTop, viewportHeight, rowHeight, count, overscan }: WindowInput): RowWindow {
  const totalHeight = count * rowHeight;
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, totalHeight - viewportHeight));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, last + overscan);
  return { start, end: Math.max(start, end), offsetTop: start * rowHeight, totalHeight };
}

/** scrollTop that brings `index` fully into view, moving as little as possible (centred when far). */
export function scrollTopToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop >= scrollTop && rowBottom <= scrollTop + viewportHeight) return scrollTop;
  return Math.max(0, rowTop - Math.max(0, (viewportHeight - rowHeight) / 2));
}

/** Whether the view is scrolled to the end (within `slack` pixels). */
export function isAtEnd(scrollTop: number, viewportHeight: number, contentHeight: number, slack = 4): boolean {
  return scrollTop + viewportHeight >= contentHeight - slack;
}

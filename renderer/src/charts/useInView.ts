import { useEffect, useState, type RefObject } from 'react';

/** Whether the element is within `margin` of the viewport (charts mount only then). */
export function useInView(ref: RefObject<Element | null>, margin = '400px 0px'): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => setInView(entries[entries.length - 1].isIntersecting), { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, margin]);
  return inView;
}

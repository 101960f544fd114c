import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

/** One image at full size over the whole window; a click or Escape closes it. */
export function MediaLightbox({ url, caption, onClose }: { url: string; caption: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopImmediatePropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return createPortal(
    <div className="media-lightbox" role="dialog" aria-label={caption ?? t('media.image')} onClick={onClose}>
      <img src={url} alt={caption ?? ''} />
      {caption && <div className="media-lightbox-caption">{caption}</div>}
    </div>,
    document.body,
  );
}

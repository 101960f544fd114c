import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricType } from '../../../shared/domain';
import { MediaLightbox } from './MediaLightbox';
import type { MediaPointWithUrls } from './useMediaPoints';

/** The items of one media point, drawn for the key's type; urls come from `media.get` only. */
export function MediaItems({ type, point }: { type: MetricType; point: MediaPointWithUrls }) {
  const { t } = useTranslation();
  const [zoomed, setZoomed] = useState<number | null>(null);

  if (type === 'image') {
    return (
      <div className="media-image-grid">
        {point.items.map((item, i) => (
          <figure key={i} className="media-figure">
            {point.urls[i] ? (
              <button type="button" className="media-image-button" onClick={() => setZoomed(i)} title={t('media.enlarge')}>
                <img data-testid="media-image" src={point.urls[i]!} alt={item.caption ?? ''} loading="lazy" />
              </button>
            ) : (
              <div className="media-missing">{t('media.missing')}</div>
            )}
            {item.caption && <figcaption>{item.caption}</figcaption>}
          </figure>
        ))}
        {zoomed !== null && point.urls[zoomed] && (
          <MediaLightbox url={point.urls[zoomed]!} caption={point.items[zoomed].caption} onClose={() => setZoomed(null)} />
        )}
      </div>
    );
  }

  return (
    <div className="media-list">
      {point.items.map((item, i) => {
        const url = point.urls[i];
        return (
          <figure key={i} className="media-figure">
            {type === 'audio' && url ? (
              <audio data-testid="media-audio" controls preload="metadata" src={url} />
            ) : type === 'video' && url ? (
              <video data-testid="media-video" controls preload="metadata" src={url} />
            ) : type === 'text' || item.text !== null ? (
              <pre data-testid="media-text" className="media-text">{item.text ?? ''}</pre>
            ) : url ? (
              <a href={url} download>{t('media.noPreview', { type })}</a>
            ) : (
              <div className="media-missing">{t('media.missing')}</div>
            )}
            {item.caption && <figcaption>{item.caption}</figcaption>}
          </figure>
        );
      })}
    </div>
  );
}

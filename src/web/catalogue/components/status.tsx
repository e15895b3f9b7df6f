import { useCatalogue } from '../context';
import { PublicApiError } from '../api';

/** Grey placeholder blocks shown while loading: the page never claims "nothing found" before it knows. */
export function Skeleton({ lines = 3, cards = 0 }: { lines?: number; cards?: number }) {
  const { t } = useCatalogue();
  return (
    <div className="cat-skeleton" role="status" aria-live="polite" aria-busy="true" data-testid="skeleton">
      <span className="cat-visually-hidden">{t('results.loading')}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={`l${i}`} className="cat-skeleton-line" style={{ width: `${90 - i * 15}%` }} />
      ))}
      {Array.from({ length: cards }, (_, i) => (
        <div key={`c${i}`} className="cat-skeleton-card" />
      ))}
    </div>
  );
}

/** A failed load, said in the interface language, with a retry. */
export function LoadError({ error, onRetry }: { error: Error | undefined; onRetry: () => void }) {
  const { t } = useCatalogue();
  const status = error instanceof PublicApiError ? error.status : 0;
  return (
    <div className="cat-error" role="alert">
      <p>
        {status === 429 ? t('error.rateLimited') : status === 400 ? t('error.badQuery') : t('error.load')}
      </p>
      <button type="button" className="cat-button" onClick={onRetry}>
        {status === 400 ? t('filters.clear') : t('error.retry')}
      </button>
    </div>
  );
}

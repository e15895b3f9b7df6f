import { useT } from '../../lib/i18n';

/**
 * Shown while a page or its code is loading. Plain HTML and CSS (styles in index.html) so that the entry chunk
 * does not need antd.
 */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  const t = useT();
  return (
    <div
      role="status"
      aria-live="polite"
      className="izis-loader"
      style={{ minHeight: fullScreen ? '100vh' : 240 }}
    >
      <span className="izis-loader-spinner" aria-hidden="true" />
      <span className="izis-loader-text">{t('common.loading')}</span>
    </div>
  );
}

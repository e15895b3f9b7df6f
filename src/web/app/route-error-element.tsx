import { Component, lazy, Suspense, type ReactNode } from 'react';
import { PageLoader } from '../components/ui/page-loader';
import { useT } from '../lib/i18n';

const RouteError = lazy(() => import('./route-error').then((m) => ({ default: m.RouteError })));

/**
 * The router's error element. The error page is loaded on demand; if even that fails (the network is gone, or
 * a new version replaced the chunks), a plain page still explains and offers a reload.
 */
export function RouteErrorElement() {
  return (
    <PlainErrorBoundary>
      <Suspense fallback={<PageLoader />}>
        <RouteError />
      </Suspense>
    </PlainErrorBoundary>
  );
}

class PlainErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PlainError /> : this.props.children;
  }
}

function PlainError() {
  const t = useT();
  return (
    <div role="alert" className="izis-plain-error">
      <h1>{t('error.chunkLoadTitle')}</h1>
      <p>{t('error.chunkLoad')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </button>
    </div>
  );
}

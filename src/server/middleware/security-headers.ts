import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from '../context';

/**
 * Response headers that make the browser refuse what IZIS never does: a Content-Security-Policy with no
 * inline or remote script (the web app and the API reference load only their own files; styles may be inline
 * because the component kit injects its CSS at run time; MapLibre runs its worker from a blob), no framing,
 * no sniffing. HSTS only when the public address is https — over plain http a browser would ignore it, and on
 * a LAN-only installation it must not pin a name to https.
 */
export function securityHeaders(deps: Pick<AppDeps, 'publicUrl'>) {
  const https = deps.publicUrl?.startsWith('https:') ?? false;
  return secureHeaders({
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      childSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
}

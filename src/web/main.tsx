import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { createAppRouter, preloadFirstScreen } from './app/router';
import { earlyRequests, FIRST_SCREEN_MS } from './lib/early-requests';
import { getLocale } from './lib/locale-store';

// The first screen's data and code, requested before anything renders.
earlyRequests.start(window.location, getLocale());
setTimeout(earlyRequests.finish, FIRST_SCREEN_MS);
// Leaving sooner (a reload, a link away) keeps what the first screen asked for so far.
window.addEventListener('pagehide', earlyRequests.finish);
preloadFirstScreen(window.location.pathname);
const router = createAppRouter();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);

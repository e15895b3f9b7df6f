import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { sessionQueryKey } from '../features/auth/api/session';
import { setUnauthorizedHandler } from '../lib/api';
import { LocaleProvider } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

export const queryClient = createQueryClient();

// A 401 from any call means the session is gone: forgetting it makes <RequireAuth> send the user to the
// sign-in page with the current address to come back to.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(sessionQueryKey, null);
});

/** Entry-level providers only; antd's ConfigProvider comes with the pages (`UiProvider`), keeping antd lazy. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>{children}</LocaleProvider>
    </QueryClientProvider>
  );
}

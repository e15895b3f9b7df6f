import { ArrowLeftOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useUrlState } from '../../lib/url-state';
import { ErrorAlert } from '../ui/error-alert';
import { PageLoader } from '../ui/page-loader';

/** What a list puts into the navigation state of its links, so that its record pages lead back to it. */
export type ListLocationState = { fromList?: string } | null;

/**
 * What every record page (zone, organisation, project) shares: the open tab in the address (`?tab=`, absent for
 * the first tab), and the link back to the list it came from, with that list's filters and page.
 */
export function useRecordPage<K extends string>(options: {
  tabs: readonly K[];
  listPath: string;
  backLabel: string;
}): { tab: K; setTab: (key: string) => void; back: ReactNode } {
  const location = useLocation();
  const [state, setState] = useUrlState(['tab'] as const);
  const first = options.tabs[0]!;
  const tab = (options.tabs as readonly string[]).includes(state.tab) ? (state.tab as K) : first;
  // Remembered once: switching tabs rewrites the address and drops the navigation state.
  const [fromList] = useState(() => (location.state as ListLocationState)?.fromList ?? '');
  const back = (
    <Link to={`${options.listPath}${fromList}`}>
      <ArrowLeftOutlined aria-hidden /> {options.backLabel}
    </Link>
  );
  return { tab, setTab: (key) => setState({ tab: key === first ? null : key }), back };
}

/**
 * A record page before its record is there: loading, "not found" (404 — also what the server answers for a
 * record out of the user's scope), or another error with a retry. Null once the record is loaded.
 */
export function RecordLoadState({
  query,
  back,
  notFoundTitle,
}: {
  query: UseQueryResult<unknown>;
  back: ReactNode;
  notFoundTitle: string;
}): ReactNode {
  const t = useT();
  if (query.isPending) return <PageLoader />;
  if (!query.error) return null;
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  return (
    <>
      <div style={{ marginBottom: 16 }}>{back}</div>
      {notFound ? (
        <Result status="404" title={notFoundTitle} />
      ) : (
        <ErrorAlert
          error={query.error}
          action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
        />
      )}
    </>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { api } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';

/** Zones within the caller's sight whose name or code matches, for a picker (GET /api/zones?q=…). */
function useZoneSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['zones', 'search', q],
    queryFn: ({ signal }) =>
      api.get('/api/zones', {
        query: { q: q || undefined, sort: 'name', order: 'asc', page: 1, pageSize: 30 },
        signal,
      }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

/**
 * Picks a park or cluster by its code, searching names on the server without diacritics ("thang long"
 * finds "KCN Thăng Long"). A code not among the results stays shown with `currentLabel` or the code.
 */
export function ZoneSelect({
  value,
  onChange,
  currentLabel,
  placeholder,
  ariaLabel,
  style,
  allowClear = true,
  id,
}: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  currentLabel?: string | null;
  placeholder?: string;
  ariaLabel?: string;
  style?: CSSProperties;
  allowClear?: boolean;
  id?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const query = useDebouncedValue(search.trim());
  // Closed with a value (from the URL or the record): look that code up, to show its name.
  const term = open ? query : (value ?? '');
  const zones = useZoneSearch(term, open || Boolean(value));
  const options = (zones.data ?? []).map((zone) => ({
    value: zone.code,
    label: `${zone.name} (${zone.code})`,
  }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: currentLabel ? `${currentLabel} (${value})` : value });
  }
  return (
    <Select<string>
      id={id}
      allowClear={allowClear}
      aria-label={ariaLabel}
      placeholder={placeholder ?? t('project.zoneSelect.placeholder')}
      style={style}
      popupMatchSelectWidth={false}
      loading={zones.isFetching}
      value={value ?? undefined}
      options={options}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(code) => onChange?.(code ?? null)}
      notFoundContent={zones.error ? <ErrorAlert error={zones.error} /> : undefined}
    />
  );
}

import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useT } from '../../../lib/i18n';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDevelopers } from '../api/zone-api';

/**
 * Picks an infrastructure developer by its organisation code, searching names on the server (diacritics
 * optional). A code that is not among the results (set by the URL, or the zone's current developer) stays
 * shown with `currentLabel` or the code itself.
 */
export function DeveloperSelect({
  value,
  onChange,
  currentLabel,
  placeholder,
  ariaLabel,
  style,
}: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  currentLabel?: string | null;
  placeholder?: string;
  ariaLabel?: string;
  style?: CSSProperties;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const query = useDebouncedValue(search.trim());
  const developers = useDevelopers(query, open || Boolean(value));
  const options = (developers.data ?? []).map((org) => ({
    value: org.code,
    label: `${org.name} (${org.code})`,
  }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: currentLabel ? `${currentLabel} (${value})` : value });
  }
  return (
    <Select<string>
      allowClear
      aria-label={ariaLabel}
      placeholder={placeholder ?? t('zone.filter.developerSearch')}
      style={style}
      popupMatchSelectWidth={false}
      loading={developers.isFetching}
      value={value ?? undefined}
      options={options}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(code) => onChange?.(code ?? null)}
      notFoundContent={developers.error ? <ErrorAlert error={developers.error} /> : undefined}
    />
  );
}

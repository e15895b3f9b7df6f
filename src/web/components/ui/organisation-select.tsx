import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import type { OrganisationRole } from '../../../domain/organisation/organisation.schema';
import { useT } from '../../lib/i18n';
import { useOrganisationSearch } from '../../lib/organisation-search';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { ErrorAlert } from './error-alert';

/**
 * Picks an organisation by its code, searching names, codes and tax codes on the server (diacritics
 * optional). A code not among the results (from the URL, or the record's current value) stays shown with
 * `currentLabel` or the code itself.
 */
export function OrganisationSelect({
  value,
  onChange,
  role,
  currentLabel,
  placeholder,
  ariaLabel,
  style,
  allowClear = true,
  id,
}: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  role?: OrganisationRole;
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
  const organisations = useOrganisationSearch(term, role, open || Boolean(value));
  const options = (organisations.data ?? []).map((org) => ({
    value: org.code,
    label: `${org.name} (${org.code}${org.taxCode ? ` · ${org.taxCode}` : ''})`,
  }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: currentLabel ? `${currentLabel} (${value})` : value });
  }
  return (
    <Select<string>
      id={id}
      allowClear={allowClear}
      aria-label={ariaLabel}
      placeholder={placeholder ?? t('organisation.select.placeholder')}
      style={style}
      popupMatchSelectWidth={false}
      loading={organisations.isFetching}
      value={value ?? undefined}
      options={options}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(code) => onChange?.(code ?? null)}
      notFoundContent={organisations.error ? <ErrorAlert error={organisations.error} /> : undefined}
    />
  );
}

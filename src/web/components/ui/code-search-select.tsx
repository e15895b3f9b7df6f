import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { ErrorAlert } from './error-alert';

/** What a picker of records by code is given by its form (the zone, organisation and developer pickers). */
export type CodeSelectProps = {
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** The record's name when its code is not among the results (from the URL, or the record's current value). */
  currentLabel?: string | null;
  placeholder?: string;
  ariaLabel?: string;
  style?: CSSProperties;
  allowClear?: boolean;
  id?: string;
};

/** A server search for records by a term (name, code…), enabled only while it is needed. */
export type CodeSearch<T> = (
  term: string,
  enabled: boolean,
) => { data?: T[] | undefined; isFetching: boolean; error: unknown };

/**
 * Picks a record by its code, searching on the server as the user types (debounced). Closed with a value, it
 * looks that code up to show its name; a code not among the results stays shown with `currentLabel` or the code
 * itself.
 */
export function CodeSearchSelect<T extends { code: string }>({
  useSearch,
  optionLabel,
  defaultPlaceholder,
  value,
  onChange,
  currentLabel,
  placeholder,
  ariaLabel,
  style,
  allowClear = true,
  id,
}: CodeSelectProps & {
  useSearch: CodeSearch<T>;
  optionLabel: (record: T) => string;
  defaultPlaceholder: string;
}) {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const query = useDebouncedValue(search.trim());
  const term = open ? query : (value ?? '');
  const found = useSearch(term, open || Boolean(value));
  const options = (found.data ?? []).map((record) => ({ value: record.code, label: optionLabel(record) }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: currentLabel ? `${currentLabel} (${value})` : value });
  }
  return (
    <Select<string>
      id={id}
      allowClear={allowClear}
      aria-label={ariaLabel}
      placeholder={placeholder ?? defaultPlaceholder}
      style={style}
      popupMatchSelectWidth={false}
      loading={found.isFetching}
      value={value ?? undefined}
      options={options}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(code) => onChange?.(code ?? null)}
      notFoundContent={found.error ? <ErrorAlert error={found.error} /> : undefined}
    />
  );
}

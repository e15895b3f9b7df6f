import { Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useUsers } from '../api/user-api';

type UserRef = { id: string; name: string };

/** Picks one user, searching users by name on the server (the audit log's filter by person). */
export function UserSelect({
  value,
  onChange,
  ariaLabel,
  placeholder,
}: {
  value: UserRef | null;
  onChange: (user: UserRef | null) => void;
  ariaLabel: string;
  placeholder: string;
}) {
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim());
  const users = useUsers({ q: query, page: 1, pageSize: 20 });
  const options = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${user.displayName} (${user.username})`,
  }));
  if (value && !options.some((option) => option.value === value.id)) {
    options.unshift({ value: value.id, label: value.name });
  }
  return (
    <Select<string>
      allowClear
      aria-label={ariaLabel}
      placeholder={placeholder}
      style={{ minWidth: 260 }}
      loading={users.isFetching}
      value={value?.id}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(id, option) => {
        if (!id) {
          onChange(null);
          return;
        }
        const label = option && !Array.isArray(option) ? String(option.label ?? id) : id;
        onChange({ id, name: label });
      }}
      notFoundContent={users.error ? <ErrorAlert error={users.error} /> : undefined}
    />
  );
}

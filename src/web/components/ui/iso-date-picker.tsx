import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import { useDatePickerFormat } from '../../lib/format';

/**
 * A date picker whose value is the API's ISO date ("2026-03-15") or null, shown the Vietnamese way
 * (15/3/2026), so forms hold what they send.
 */
export function IsoDatePicker({
  value,
  onChange,
  id,
  style,
  placeholder,
  allowClear = true,
  ariaLabel,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  style?: CSSProperties;
  placeholder?: string;
  allowClear?: boolean;
  ariaLabel?: string;
}) {
  const format = useDatePickerFormat();
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      format={format}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ width: '100%', ...style }}
      value={value ? dayjs(value) : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
      // Enter confirms a typed date; it must not also submit the form around the picker.
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
      }}
    />
  );
}

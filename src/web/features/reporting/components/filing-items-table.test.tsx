import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { formForPeriod } from '../../../../domain/reporting/catalogue';
import { validateFiling, type FieldError, type FilingValues } from '../../../../domain/reporting/validation';
import { FilingItemsTable } from './filing-items-table';

const form = formForPeriod('B01', '2025-H2')!;

/** The editor state the page would hold, with the domain's own validation of the typed values. */
function Editor({
  editable = true,
  explain = [],
  onValues,
  onExplanations,
}: {
  editable?: boolean;
  explain?: string[];
  onValues?: (values: FilingValues) => void;
  onExplanations?: (explanations: Record<string, string>) => void;
}) {
  const [values, setValues] = useState<FilingValues>({});
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const errorsByItem = useMemo(() => {
    const map = new Map<string, FieldError[]>();
    for (const e of validateFiling(form, values, {}, 'submit'))
      map.set(e.item, [...(map.get(e.item) ?? []), e]);
    return map;
  }, [values]);
  onValues?.(values);
  onExplanations?.(explanations);
  return (
    <FilingItemsTable
      form={form}
      editor={{
        values,
        setValues,
        explanations,
        setExplanations,
        serverErrors: {},
        editable,
        previous: null,
        outliers: [],
        errorsByItem,
        explain: new Set(explain),
      }}
    />
  );
}

describe('the filing editor’s items table (Biểu 01)', () => {
  it('lists every item of the form with its number, and a figure typed the Vietnamese way reaches the filing', async () => {
    let values: FilingValues = {};
    render(<Editor onValues={(v) => (values = v)} />);
    for (const item of form.items) expect(screen.getByTestId(`item-${item.indicator}`)).toBeTruthy();
    const workers = screen.getByLabelText(/^3\. /);
    await userEvent.type(workers, '1.347');
    await waitFor(() => expect(values['workers']).toBe(1347));
  });

  it('shows under each required item that is still empty the rule the server will apply on submission', () => {
    render(<Editor />);
    const expected = validateFiling(form, {}, {}, 'submit').find((e) => e.item === 'workers')!;
    expect(expected.severity).toBe('error');
    expect(screen.getAllByText(expected.message.vi).length).toBeGreaterThan(0);
  });

  it('a figure that may not be changed (a submitted filing) cannot be typed into', () => {
    render(<Editor editable={false} />);
    for (const item of form.items) {
      const input = within(
        screen.getByTestId(`item-${item.indicator}`).closest('.ant-input-number')!,
      ).getByRole('spinbutton');
      expect((input as HTMLInputElement).disabled).toBe(true);
    }
  });

  it('asks for an explanation where one is needed and keeps what is typed', async () => {
    let explanations: Record<string, string> = {};
    render(<Editor explain={['workers']} onExplanations={(e) => (explanations = e)} />);
    expect(screen.queryByTestId('explain-revenue_vnd')).toBeNull();
    await userEvent.type(screen.getByTestId('explain-workers'), 'Mở thêm dây chuyền');
    await waitFor(() => expect(explanations['workers']).toBe('Mở thêm dây chuyền'));
  });
});
